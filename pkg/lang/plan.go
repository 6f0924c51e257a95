package lang

// The development plan (huller plan): its sections, routes, transfer
// fields and the course catalog's vocabulary.
var (
	PlanTitle = t("%s: a development plan for %s against %s (%s)", "%s: udviklingsplan for %s holdt op mod %s (%s)", "%s: razvojni načrt za %s glede na %s (%s)")
	PlanIntro = t("A proposal for dialogue, not an assignment: agree each activity with the employee in the development talk, and with the colleagues who would teach. Joint, practice-near activities inside the unit come first, then colleagues, then courses.",
		"Et oplæg til dialog, ikke en beslutning: aftal hver aktivitet med medarbejderen i udviklingssamtalen (MUS) og med de kolleger, der skal lære fra sig. Fælles, praksisnære forløb i enheden kommer først, derefter kolleger, derefter kurser.",
		"Predlog za pogovor, ne odločitev: vsako dejavnost se dogovorite z zaposlenim na razvojnem pogovoru in s sodelavci, ki bi učili. Najprej skupne, praksi bližnje dejavnosti v enoti, nato sodelavci, nato tečaji.")
	NoCatalog = t("No course catalog given (--catalog): what the unit cannot meet itself is on the wish list.",
		"Der er ikke angivet et kursuskatalog (--catalog): det, enheden ikke selv kan løfte, står på ønskelisten.",
		"Katalog tečajev ni podan (--catalog): kar enota ne zmore sama, je na seznamu želja.")
	Money           = t("%s %s", "%s %s", "%s %s")
	PlanNeeds       = t("Needs", "Behov", "Potrebe")
	NeedsOfPersons  = t("%s among %s", "%s hos %s", "%s (%s)")
	RouteJointL     = t("Joint activities", "Fælles forløb", "Skupne dejavnosti")
	RouteColleagueL = t("Colleagues", "Kolleger", "Sodelavci")
	RouteCourseL    = t("Courses", "Kurser", "Tečaji")
	RouteDeferredL  = t("Deferred (budget)", "Udskudt (budget)", "Odloženo (proračun)")
	RouteUnmetL     = t("Not met: wish list", "Ikke dækket: ønskeliste", "Ni pokrito: seznam želja")
	NotMet          = t("Not met", "Ikke dækket", "Ni pokrito")

	ActivitiesNeeds = t("%s for %s", "%s til %s", "%s za %s")
	PairsNeeds      = t("%s for %s, to be agreed", "%s til %s, skal aftales", "%s za %s, za dogovor")
	RunsNeeds       = t("%s for %s, %s", "%s til %s, %s", "%s za %s, %s")
	Budget          = t("Budget", "Budget", "Proračun")
	BudgetLine      = t("%s, %s left", "%s, %s tilbage", "%s, ostane %s")
	DeferredLine    = t("%s; their courses would cost %s more", "%s; deres kurser ville koste %s mere", "%s; njihovi tečaji bi stali še %s")
	ToAssess        = t("To assess first", "Skal vurderes først", "Najprej oceniti")
	AssessLine      = t("%s of %s", "%s af %s", "%s: %s")
	JointRuleShort  = t("joint from %s persons", "fælles forløb fra %s personer", "skupno od %s oseb")
	NoJoint         = t("no joint activities", "ingen fælles forløb", "brez skupnih dejavnosti")
	MenteesShort    = t("at most %s learners per colleague", "højst %s pr. kollega", "največ %s učečih se na sodelavca")
	NoMentoring     = t("no colleagues one to one", "ingen sidemandsoplæring", "brez učenja s sodelavcem")

	BeforeAfter      = t("Before and after the plan", "Før og efter planen", "Pred načrtom in po njem")
	Before           = t("Before", "Før", "Pred")
	After            = t("After", "Efter", "Po")
	HolesBeforeAfter = t("The holes before and after", "Hullerne før og efter", "Vrzeli pred in po")
	Closed           = t("closed", "lukket", "zaprta")
	Remains          = t("remains (%s): %s levels to raise", "tilbage (%s): løftebehov %s", "ostane (%s): dvig %s ravni")
	NewHolesNote     = t("After the plan the roster is analysed again with the same settings; a hole can appear that another one hid (a key person once the coverage is met).",
		"Efter planen analyseres medarbejderfilen igen med de samme indstillinger; et hul, som et andet skjulte, kan dukke op (en nøgleperson, når dækningen er nået).",
		"Po načrtu se seznam znova analizira z enakimi nastavitvami; pokaže se lahko vrzel, ki jo je druga zakrivala (ključna oseba, ko je pokritost dosežena).")

	GoalKind      = t("Kind of learning goal", "Type læringsmål", "Vrsta učnega cilja")
	GoalMethods   = t("methods and techniques", "metoder og teknikker", "metode in tehnike")
	GoalKnowledge = t("professional knowledge", "faglig viden", "strokovno znanje")
	GoalRole      = t("knowing one's role", "at kende sin rolle", "poznavanje svoje vloge")

	FormPractice   = t("practice-near training with trying out and feedback", "praksisnær træning med afprøvning og feedback", "praksi bližnje urjenje s preizkušanjem in povratno informacijo")
	FormStudy      = t("knowledge-heavy learning: a course, study and cases", "vidensopbyggende læring: kursus, studium og cases", "učenje z veliko znanja: tečaj, študij in primeri")
	FormReflection = t("reflection, supervision and an outside view", "refleksion, supervision og et udefrakommende blik", "razmislek, supervizija in pogled od zunaj")
	FormCombined   = t("a form that works across methods, knowledge and role", "en læringsform på tværs af metoder, viden og rolle", "oblika, ki povezuje metode, znanje in vlogo")
	FormGeneric    = t("a workshop or case reviews", "en workshop eller sagsgennemgange", "delavnica ali pregledi primerov")

	JointHeading      = t("Joint activities led by colleagues", "Fælles forløb ledet af kolleger", "Skupne dejavnosti, ki jih vodijo sodelavci")
	NoJointActivities = t("No joint activity: no competence is lacking in so many that the unit's teachers are fewer.", "Intet fælles forløb: ingen kompetence mangler hos så mange, at der er færre, der kan lære fra sig.", "Brez skupne dejavnosti: nobena kompetenca ne manjka tolikim, da bi bilo tistih, ki jo lahko učijo, manj.")
	ForWhom           = t("For", "For", "Za")
	Lead              = t("Led by (to be agreed)", "Ledes af (skal aftales)", "Vodi (za dogovor)")
	ParticipantsN     = t("Participants", "Deltagere", "Udeleženci")
	WholeUnit         = t("the whole unit", "hele enheden", "vsa enota")
	JointNote         = t("A competence becomes a joint activity when at least %s persons lack it and more lack it than can teach it (persons at the teaching level); the lead brings participants to at most their own level minus one, or the target, whichever is lower.",
		"En kompetence bliver et fælles forløb, når mindst %s mangler den, og flere mangler den, end der kan lære fra sig (personer på niveauet for at lære fra sig); den, der leder forløbet, løfter deltagerne til højst sit eget niveau minus ét eller målniveauet, hvad der er lavest.",
		"Kompetenca postane skupna dejavnost, ko jo pogreša vsaj %s oseb in jo pogreša več oseb, kot jih jo lahko uči (osebe na ravni poučevanja); vodja udeležence dvigne največ do svoje ravni minus ena ali do ciljne ravni, kar je nižje.")

	RunsHeading   = t("Courses", "Kurser", "Tečaji")
	NoRuns        = t("No course run: the catalog meets none of the needs left.", "Intet kursushold: kataloget dækker ingen af de resterende behov.", "Nobena izvedba tečaja: katalog ne pokrije nobene preostale potrebe.")
	NoCatalogRuns = t("No course run: no catalog given.", "Intet kursushold: intet katalog angivet.", "Nobena izvedba tečaja: katalog ni podan.")
	Course        = t("Course", "Kursus", "Tečaj")
	Run           = t("Run", "Hold", "Izvedba")
	FormL         = t("Form", "Form", "Oblika")
	Cost          = t("Cost", "Pris", "Cena")
	Closes        = t("Helps close", "Hjælper med at lukke", "Pomaga zapreti")
	RunsNote      = t("Runs are chosen for the least cost per need met; a run takes place with at least the course's minimum of participants and at most its capacity. A run at the workplace is a joint activity too.",
		"Holdene er valgt efter laveste pris pr. dækket behov; et hold gennemføres med mindst kursets minimum af deltagere og højst dets kapacitet. Et hold på arbejdspladsen er også et fælles forløb.",
		"Izvedbe so izbrane po najnižji ceni na pokrito potrebo; izvedba poteka z vsaj najmanjšim in največ največjim številom udeležencev. Izvedba na delovnem mestu je tudi skupna dejavnost.")

	PairsHeading = t("Colleagues who could teach (to be agreed with them)", "Kolleger, der kan lære fra sig (skal aftales med dem)", "Sodelavci, ki bi lahko učili (za dogovor z njimi)")
	NoPairs      = t("No colleague is proposed.", "Ingen kolleger er foreslået.", "Noben sodelavec ni predlagan.")
	ColleagueL   = t("Colleague", "Kollega", "Sodelavec")
	Learner      = t("Learns", "Lærer", "Se uči")
	PairsNote    = t("A colleague at the teaching level, of the learner's own team first, with at most %s learners each; the learner reaches at most the colleague's level minus one, or the target. Mentoring is workload: agree it with the colleague first.",
		"En kollega på niveauet for at lære fra sig, helst fra samme team, med højst %s hver; den, der lærer, når højst kollegaens niveau minus ét eller målniveauet. Sidemandsoplæring tager tid: aftal det med kollegaen først.",
		"Sodelavec na ravni poučevanja, najprej iz iste ekipe, z največ %s učečimi se; učeči se doseže največ raven sodelavca minus ena ali ciljno raven. Mentorstvo je delo: najprej se dogovorite s sodelavcem.")

	UnmetHeading  = t("Not met: the wish list for course providers", "Ikke dækket: ønsker til uddannelses- og kursusudbud", "Ni pokrito: seznam želja za ponudnike izobraževanj")
	NoUnmet       = t("Every need is met.", "Alle behov er dækket.", "Vse potrebe so pokrite.")
	LevelsMissing = t("Levels missing", "Manglende niveauer", "Manjkajoče ravni")
	AskFor        = t("Ask for", "Efterspørg", "Povprašajte po")
	AskCourse     = t("a course", "et kursus", "tečaj")
	AskJoint      = t("a joint programme", "et fælles forløb", "skupni program")
	AskLevels     = t("%s from %s to %s", "%s fra %s til %s", "%s od %s do %s")
	UnmetNote     = t("No colleague and no course of the catalog meets these needs (or a course's minimum of participants is not reached): hand the list to course providers.",
		"Ingen kollega og intet kursus i kataloget dækker disse behov (eller et kursus når ikke sit minimum af deltagere): giv listen videre til uddannelses- og kursusudbyderne.",
		"Teh potreb ne pokrije noben sodelavec in noben tečaj iz kataloga (ali tečaj ne doseže najmanjšega števila udeležencev): seznam predajte ponudnikom.")

	AssessHeading = t("To be assessed before planning", "Skal vurderes, før der planlægges", "Oceniti pred načrtovanjem")
	NoAssessments = t("Nothing required or expected is left unassessed.", "Alt krævet og forventet er vurderet.", "Vse zahtevano in pričakovano je ocenjeno.")
	AssessNote    = t("Required or expected, but not assessed: an assessment comes first, not a course.", "Krævet eller forventet, men ikke vurderet: en vurdering kommer først, ikke et kursus.", "Zahtevano ali pričakovano, a ne ocenjeno: najprej ocena, ne tečaj.")

	TransferHeading = t("Transfer: before, during and after", "Transfer: før, under og efter", "Prenos: pred, med in po")
	ActivityL       = t("Activity", "Aktivitet", "Dejavnost")
	Preparation     = t("Preparation", "Forberedelse", "Priprava")
	PartiesL        = t("Who takes part", "Hvem deltager", "Kdo sodeluje")
	LeaderAfter     = t("The leader afterwards", "Lederens rolle bagefter", "Vodja po tem")
	Sharing         = t("Shared with colleagues", "Deling med kolleger", "Deljenje s sodelavci")
	TransferLine    = t("Preparation: %s. Who takes part: %s. The leader afterwards: %s. Shared with colleagues: %s.", "Forberedelse: %s. Hvem deltager: %s. Lederen bagefter: %s. Deling med kolleger: %s.", "Priprava: %s. Kdo sodeluje: %s. Vodja po tem: %s. Deljenje s sodelavci: %s.")
	TransferNote    = t("Only about one in ten takes formal further education, and using what was learnt is the hard part: agree the learning goals in the person's own practice before, and a follow-up date.",
		"Kun omkring hver tiende tager formel efteruddannelse, og det svære er at bruge det lærte: aftal læringsmålene i egen praksis før start og en dato for opfølgning.",
		"Le približno vsak deseti se formalno izobražuje naprej, težje pa je uporabiti naučeno: vnaprej se dogovorite o učnih ciljih v lastni praksi in o datumu spremljanja.")

	KindJoint       = t("Joint activity", "Fælles forløb", "Skupna dejavnost")
	KindJointCourse = t("Joint course at the workplace", "Fælles kursus på arbejdspladsen", "Skupni tečaj na delovnem mestu")
	KindColleague   = t("Colleague", "Sidemandsoplæring", "Učenje s sodelavcem")
	KindCourse      = t("Course", "Kursus", "Tečaj")

	PrepLearningTalk    = t("a learning talk well before the start: learning goals in one's own practice, a learning agreement", "en læringssamtale i god tid før start: læringsmål i egen praksis, evt. en læringsaftale", "učni pogovor pred začetkom: učni cilji v lastni praksi, učni dogovor")
	PrepPlanningMeeting = t("a planning meeting with teacher, leaders and staff representatives; an analysis of practice (review e.g. 20 cases, record conversations) sets the learning goals", "et planlægningsmøde med underviser, ledelse og medarbejderrepræsentanter/TR; en analyse af praksis (fx gennemgang af 20 sager, optagede samtaler) sætter læringsmålene", "načrtovalni sestanek z učiteljem, vodstvom in predstavniki zaposlenih; analiza prakse (npr. pregled 20 primerov, posneti pogovori) določi učne cilje")
	PartyEmployee       = t("employee", "medarbejder", "zaposleni")
	PartyLeader         = t("leader", "leder", "vodja")
	PartyUnionRep       = t("union representative", "tillidsrepræsentant", "sindikalni zaupnik")
	PartyHR             = t("HR", "HR", "kadrovska služba")
	PartyTeacher        = t("teacher", "underviser", "učitelj")
	PartyColleague      = t("colleague", "kollega", "sodelavec")
	AfterSupportUse     = t("makes room to use it in daily work and follows up", "giver plads til at bruge det i hverdagen og følger op", "omogoči uporabo pri vsakdanjem delu in spremlja")
	ShareTeamMeeting    = t("at a team meeting", "på et teammøde", "na sestanku ekipe")
	ShareLearningMeets  = t("learning meetings or a learning community", "læringsmøder eller et læringsfællesskab", "učni sestanki ali učna skupnost")

	PrepLearningTalkShort    = t("learning talk before the start", "læringssamtale før start", "učni pogovor pred začetkom")
	PrepPlanningMeetingShort = t("planning meeting and practice analysis", "planlægningsmøde og praksisanalyse", "načrtovalni sestanek in analiza prakse")
	AfterSupportUseShort     = t("supports using it, follows up", "støtter brugen, følger op", "podpira uporabo, spremlja")

	PlanPeople        = t("Each person's share of the plan", "Hver medarbejders del af planen", "Delež vsake osebe v načrtu")
	NoNeedsAtAll      = t("Nobody has a development need.", "Ingen har udviklingsbehov.", "Nihče nima razvojnih potreb.")
	PersonPlanNote    = t("Each person's own plan, for the development talk: --person NAME (with -o, a workbook).", "Hver medarbejders egen plan til MUS: --person NAVN (med -o en projektmappe).", "Načrt posamezne osebe za razvojni pogovor: --person IME (z -o delovni zvezek).")
	PersonPlanHeading = t("Development plan: %s · %s · %s", "Udviklingsplan: %s · %s · %s", "Razvojni načrt: %s · %s · %s")
	PersonPlanIntro   = t("A proposal for the development talk: what to develop first, and how. Agree on two or three goals to start with. The colleagues named have not been asked yet.", "Et oplæg til udviklingssamtalen: hvad der skal udvikles først, og hvordan. Aftal to eller tre mål at begynde med. De nævnte kolleger er ikke spurgt endnu.", "Predlog za razvojni pogovor: kaj razvijati najprej in kako. Za začetek se dogovorite za dva ali tri cilje. Imenovanih sodelavcev še niso vprašali.")
	PersonPlanTable   = t("Needs, most important first", "Behov, de vigtigste først", "Potrebe, najpomembnejše najprej")
	NowToExpected     = t("Now → expected", "Nu → forventet", "Zdaj → pričakovano")
	RouteL            = t("How", "Hvordan", "Kako")
	GoalLevel         = t("goal %s", "mål %s", "cilj %s")
	SecondHolder      = t("a second person who holds it", "endnu én, der kan", "druga oseba, ki jo obvlada")
	NewSpecialist     = t("towards the profile", "mod profilen", "proti profilu")
	ViaJoint          = t("joint activity (%s), led by %s – to be agreed", "fælles forløb (%s) ledet af %s – skal aftales", "skupna dejavnost (%s), vodi %s – za dogovor")
	ViaColleague      = t("with %s – to be agreed", "med %s – skal aftales", "s sodelavcem %s – za dogovor")
	ViaCourse         = t("%s, run %s", "%s, hold %s", "%s, izvedba %s")
	PriorityL         = t("Priority", "Prioritet", "Prednost")
	ColJoint          = t("Joint", "Fælles", "Skupno")
	ColColleague      = t("Colleague", "Kollega", "Sodelavec")
	ColCourse         = t("Course", "Kursus", "Tečaj")

	NeedNoun       = Noun{en: [2]string{"need", "needs"}, da: [2]string{"behov", "behov"}, sl: [4]string{"potreba", "potrebi", "potrebe", "potreb"}}
	ActivityNoun   = Noun{en: [2]string{"activity", "activities"}, da: [2]string{"forløb", "forløb"}, sl: [4]string{"dejavnost", "dejavnosti", "dejavnosti", "dejavnosti"}}
	PairNoun       = Noun{en: [2]string{"pair", "pairs"}, da: [2]string{"par", "par"}, sl: [4]string{"par", "para", "pari", "parov"}}
	RunNoun        = Noun{en: [2]string{"run", "runs"}, da: [2]string{"hold", "hold"}, sl: [4]string{"izvedba", "izvedbi", "izvedbe", "izvedb"}}
	AssessmentNoun = Noun{en: [2]string{"assessment", "assessments"}, da: [2]string{"vurdering", "vurderinger"}, sl: [4]string{"ocena", "oceni", "ocene", "ocen"}}
	CompetenceNoun = Noun{en: [2]string{"competence", "competences"}, da: [2]string{"kompetence", "kompetencer"}, sl: [4]string{"kompetenca", "kompetenci", "kompetence", "kompetenc"}}
	PriorityOwn    = t("own development", "egen udvikling", "lastni razvoj")
)

// The course catalog's forms and activities.
var (
	FormIndividual = t("individual", "individuelt", "posamično")
	FormWorkplace  = t("at the workplace", "på arbejdspladsen", "na delovnem mestu")
	FormOnline     = t("online", "online", "na spletu")
	FormBlended    = t("blended", "kombineret", "kombinirano")

	ActCourse            = t("course", "kursus", "tečaj")
	ActJointCourse       = t("joint course", "fælles forløb", "skupni tečaj")
	ActColleagueTraining = t("colleague training", "sidemandsoplæring", "učenje s sodelavcem")
	ActLearningCommunity = t("learning community", "læringsfællesskab", "učna skupnost")
	ActSupervision       = t("supervision", "supervision", "supervizija")
	ActActionLearning    = t("action learning", "aktionslæring", "akcijsko učenje")
	ActELearning         = t("e-learning", "e-læring", "e-učenje")
)

// Goal returns the term of a kind of learning goal: knowledge, role, else
// methods (the catalog and framework formats admit no other kind).
func Goal(code string) Term {
	switch code {
	case "knowledge":
		return GoalKnowledge
	case "role":
		return GoalRole
	}
	return GoalMethods
}

// LearningFormOf returns the term of a learning form (practice, study,
// reflection, combined); "" gives the generic form.
func LearningFormOf(code string) Term {
	switch code {
	case "practice":
		return FormPractice
	case "study":
		return FormStudy
	case "reflection":
		return FormReflection
	case "combined":
		return FormCombined
	}
	return FormGeneric
}

// FormName returns the term of a catalog form.
func FormName(code string) Term {
	switch code {
	case "workplace":
		return FormWorkplace
	case "online":
		return FormOnline
	case "blended":
		return FormBlended
	}
	return FormIndividual
}

// ActivityName returns the term of a catalog activity type.
func ActivityName(code string) Term {
	switch code {
	case "joint-course":
		return ActJointCourse
	case "colleague-training":
		return ActColleagueTraining
	case "learning-community":
		return ActLearningCommunity
	case "supervision":
		return ActSupervision
	case "action-learning":
		return ActActionLearning
	case "e-learning":
		return ActELearning
	}
	return ActCourse
}

// KindName returns the term of a kind of plan activity.
func KindName(code string) Term {
	switch code {
	case "joint":
		return KindJoint
	case "joint-course":
		return KindJointCourse
	case "colleague":
		return KindColleague
	}
	return KindCourse
}

// TransferValue returns the term of a transfer field's value.
func TransferValue(code string) Term {
	return transferValues[code]
}

// TransferShort returns the short term of a transfer field's value, for a
// spreadsheet cell.
func TransferShort(code string) Term {
	switch code {
	case "learning-talk":
		return PrepLearningTalkShort
	case "planning-meeting":
		return PrepPlanningMeetingShort
	case "support-use":
		return AfterSupportUseShort
	}
	return transferValues[code]
}

var transferValues = map[string]Term{
	"learning-talk": PrepLearningTalk, "planning-meeting": PrepPlanningMeeting,
	"employee": PartyEmployee, "leader": PartyLeader, "union-rep": PartyUnionRep, "hr": PartyHR,
	"teacher": PartyTeacher, "colleague": PartyColleague,
	"support-use": AfterSupportUse, "team-meeting": ShareTeamMeeting, "learning-meetings": ShareLearningMeets,
}

// The plan workbook.
var (
	PlanReportTitle   = t("huller development plan: %s", "huller-udviklingsplan: %s", "Razvojni načrt huller: %s")
	SheetCourses      = t("Courses", "Kurser", "Tečaji")
	SheetJoint        = t("Joint activities", "Fælles forløb", "Skupne dejavnosti")
	SheetParticipants = t("Participants", "Deltagere", "Udeleženci")
	SheetColleagues   = t("Colleagues", "Kolleger", "Sodelavci")
	SheetPlanPeople   = t("People", "Medarbejdere", "Osebe")
	SheetUnmet        = t("Unmet needs", "Ikke dækket", "Nepokrite potrebe")
	SheetAssess       = t("To assess", "Skal vurderes", "Za oceno")
	// The report's Plan sheet (huller analyze -o with a catalog).
	SheetPlan        = t("Plan", "Plan", "Načrt")
	PlanSheetTitle   = t("The development plan in brief: %s", "Udviklingsplanen kort: %s", "Razvojni načrt na kratko: %s")
	PlanSheetPointer = t("What 'huller plan' proposes for this roster and catalog with its default settings, in figures and without names. For who learns what, with whom or on which course, and the fields for transfer, run: huller plan %s --catalog %s -o plan.xlsx",
		"Det, 'huller plan' foreslår for denne medarbejderfil og dette kursuskatalog med sine standardindstillinger, i tal og uden navne. Hvem der lærer hvad, med hvem eller på hvilket kursus, og felterne til transfer får du med: huller plan %s --catalog %s -o plan.xlsx",
		"Kar 'huller plan' predlaga za ta seznam zaposlenih in katalog s privzetimi nastavitvami, v številkah in brez imen. Kdo se uči česa, s kom ali na katerem tečaju, in polja za prenos dobite z: huller plan %s --catalog %s -o plan.xlsx")
	PlanInFigures       = t("The plan in figures", "Planen i tal", "Načrt v številkah")
	CoverageBeforeAfter = t("Coverage per basic competence before and after", "Dækning pr. basiskompetence før og efter", "Pokritost po osnovnih kompetencah pred in po")
	CatalogFile         = t("Course catalog", "Kursuskatalog", "Katalog tečajev")
	ProviderL           = t("Provider", "Udbyder", "Ponudnik")
	HoursL              = t("Hours", "Timer", "Ure")
	DurationL           = t("Duration", "Varighed", "Trajanje")
	CompetencesL        = t("Competences", "Kompetencer", "Kompetence")
	FollowUpDate        = t("Follow-up date", "Dato for opfølgning", "Datum spremljanja")
	WhoTakesPart        = t("Who takes part", "Hvem deltager", "Kdo sodeluje")
	LevelReached        = t("Level it brings to", "Niveau, der nås", "Dosežena raven")
	ToBeAgreed          = t("to be agreed", "skal aftales", "za dogovor")
	WithWhom            = t("With whom", "Med hvem", "S kom")
	AgreedWithColleague = t("Agreed with the colleague", "Aftalt med kollegaen", "Dogovorjeno s sodelavcem")
	GoalL               = t("Goal", "Mål", "Cilj")
	ExpectedLevel       = t("Expected", "Forventet", "Pričakovano")
	FromTo              = t("From → to", "Fra → til", "Od → do")
	WhoToAssess         = t("Who", "Hvem", "Kdo")
	HoleL               = t("Hole", "Hul", "Vrzel")
	ParticipantNames    = t("Participants' names", "Deltagernes navne", "Imena udeležencev")
	AboutPlan           = t("About this plan", "Om planen", "O načrtu")
)

// The course catalog to fill in (huller template --catalog).
var (
	SheetCatalog     = t("Catalog", "Kursuskatalog", "Katalog tečajev")
	SheetLists       = t("Lists", "Lister", "Seznami")
	SheetCatalogHelp = t("Instructions", "Vejledning", "Navodila")
	CatalogFormTitle = t("huller course catalog for %s", "huller-kursuskatalog til %s", "Katalog tečajev huller za %s")
	CatalogDropError = t("Choose one of: %s", "Vælg en af: %s", "Izberite eno od: %s")
	CatalogHelpTitle = t("How to fill in the course catalog", "Sådan udfylder du kursuskataloget", "Kako izpolniti katalog tečajev")
	CatalogHelpIntro = t("Write one row per course and competence it develops on the sheet %[2]s; a course's own fields (name, provider, form, …) may be given on its first row only. The competences are those of %[1]s. Prices are whole amounts (DKK unless the catalog says otherwise). Check the file with: huller validate FILE.",
		"Skriv én række pr. kursus og kompetence, det udvikler, på arket %[2]s; kursets egne felter (navn, udbyder, form, …) kan nøjes med at stå på første række. Kompetencerne er dem i %[1]s. Priser er hele beløb (kr., medmindre kataloget siger andet). Kontrollér filen med: huller validate FIL.",
		"Na list %[2]s napišite eno vrstico za vsak tečaj in kompetenco, ki jo razvija; lastna polja tečaja (ime, ponudnik, oblika, …) so lahko samo v prvi vrstici. Kompetence so tiste iz %[1]s. Cene so cele vrednosti (DKK, če katalog ne pravi drugače). Datoteko preverite z: huller validate DATOTEKA.")

	ColID            = t("The course's id: letters, digits, '.', '_' and '-'; the same on every row of the course.", "Kursets id: bogstaver, tal, '.', '_' og '-'; det samme på alle kursets rækker.", "Oznaka tečaja: črke, številke, '.', '_' in '-'; enaka v vseh vrsticah tečaja.")
	ColName          = t("The course's name, in the framework's language.", "Kursets navn på rammeværkets sprog.", "Ime tečaja v jeziku okvira.")
	ColNameEn        = t("The course's name in English (optional).", "Kursets navn på engelsk (valgfrit).", "Ime tečaja v angleščini (neobvezno).")
	ColProvider      = t("Who offers it: a provider, or the unit itself.", "Hvem udbyder det: en udbyder eller enheden selv.", "Kdo ga ponuja: ponudnik ali enota sama.")
	ColForm          = t("individual (each enrols alone), workplace (a group at the workplace: a joint activity), online, blended.", "individual (hver tilmelder sig selv), workplace (en gruppe på arbejdspladsen: et fælles forløb), online, blended.", "individual (vsak se prijavi sam), workplace (skupina na delovnem mestu: skupna dejavnost), online, blended.")
	ColActivity      = t("course, joint-course, colleague-training, learning-community, supervision, action-learning, e-learning.", "course (kursus), joint-course (fælles forløb), colleague-training (sidemandsoplæring), learning-community (læringsfællesskab), supervision, action-learning (aktionslæring), e-learning.", "course, joint-course, colleague-training, learning-community, supervision, action-learning, e-learning.")
	ColGoals         = t("The kinds of learning goal it serves: methods, knowledge, role; several separated by commas.", "De typer læringsmål, det understøtter: methods (metoder og teknikker), knowledge (faglig viden), role (at kende sin rolle); flere adskilt med komma.", "Vrste učnih ciljev, ki jim služi: methods, knowledge, role; več ločenih z vejicami.")
	ColCompetence    = t("A competence it develops: an id of the framework (a group means all its competences).", "En kompetence, det udvikler: et id i rammeværket (en gruppe betyder alle dens kompetencer).", "Kompetenca, ki jo razvija: oznaka iz okvira (skupina pomeni vse njene kompetence).")
	ColFrom          = t("The least level a participant needs to benefit (optional; default: the lowest).", "Det laveste niveau, en deltager skal have for at få udbytte (valgfrit; standard: det laveste).", "Najnižja raven, ki jo udeleženec potrebuje (neobvezno; privzeto: najnižja).")
	ColTo            = t("The level a participant reaches; above from.", "Det niveau, en deltager når; over fra-niveauet.", "Raven, ki jo udeleženec doseže; nad from.")
	ColDuration      = t("How long it takes, in words: 3 days over 2 months.", "Hvor lang tid det tager, med ord: 3 dage over 2 måneder.", "Koliko časa traja, z besedami: 3 dni v 2 mesecih.")
	ColDurationEn    = t("The duration in English (optional).", "Varigheden på engelsk (valgfrit).", "Trajanje v angleščini (neobvezno).")
	ColHours         = t("Hours a participant spends on it (optional).", "Timer, en deltager bruger på det (valgfrit).", "Ure, ki jih porabi udeleženec (neobvezno).")
	ColCostPart      = t("Price per participant, a whole amount.", "Pris pr. deltager, et helt beløb.", "Cena na udeleženca, celo število.")
	ColCostRun       = t("Price per run (the fixed part), a whole amount.", "Pris pr. hold (den faste del), et helt beløb.", "Cena na izvedbo (stalni del), celo število.")
	ColCapacity      = t("The most participants of one run (optional; blank: no limit).", "Højst antal deltagere på et hold (valgfrit; tom: ingen grænse).", "Največ udeležencev ene izvedbe (neobvezno; prazno: brez omejitve).")
	ColMin           = t("The least participants a run needs to take place (optional; default 1).", "Mindst antal deltagere, før et hold gennemføres (valgfrit; standard 1).", "Najmanj udeležencev, da izvedba poteka (neobvezno; privzeto 1).")
	ColLanguage      = t("The language it is taught in: da, en … (optional).", "Sproget, der undervises på: da, en … (valgfrit).", "Jezik poučevanja: da, en … (neobvezno).")
	ColURL           = t("A web address (optional).", "En webadresse (valgfrit).", "Spletni naslov (neobvezno).")
	ColDescription   = t("What it is about (optional).", "Hvad det handler om (valgfrit).", "O čem govori (neobvezno).")
	ColDescriptionEn = t("The description in English (optional).", "Beskrivelsen på engelsk (valgfrit).", "Opis v angleščini (neobvezno).")
)

var catalogColumnHelp = map[string]Term{
	"id": ColID, "name": ColName, "name_en": ColNameEn, "provider": ColProvider, "form": ColForm, "activity": ColActivity,
	"learning_goals": ColGoals, "competence": ColCompetence, "from": ColFrom, "to": ColTo, "duration": ColDuration,
	"duration_en": ColDurationEn, "hours": ColHours, "cost_participant": ColCostPart, "cost_run": ColCostRun,
	"capacity": ColCapacity, "min": ColMin, "language": ColLanguage, "url": ColURL, "description": ColDescription,
	"description_en": ColDescriptionEn,
}

// CatalogColumnHelp returns what a column of the catalog's spreadsheet
// form holds.
func CatalogColumnHelp(key string) Term { return catalogColumnHelp[key] }
