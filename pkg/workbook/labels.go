package workbook

import (
	"strconv"
	"strings"
)

// labels are the report's own texts (sheet names, headers, notes) in one
// language. Framework texts (competence and profile names) come from the
// framework instead.
type labels struct {
	// sheet names: at most 26 characters, so that " (99)" still fits in
	// Excel's 31
	Overview, Huller, Heatmap, Gaps, Profiles, People, Framework string

	// Overview
	Title, About, FrameworkL, RosterFile, Date, Persons, Settings string
	CoverageThreshold, TargetLevel, FitThreshold, MinSpecialists  string
	TeamFilter, PersonFilter, RequirementsFile, ByTeam            string
	Yes, No, All, None                                            string
	KeyFigures, TeamCoverage, RequirementsMet, PeopleWithGaps     string
	NotAssessedReqs, BasisBelow, ProfilesCovered, HolesByKind     string
	HolesTotal, XofY                                              string
	TopHoles, NoHoles, CoverageTable, ProfileTable                string
	Notes, Warnings, Continues, Truncated, ManyWarnings           string
	ChartCoverage, ChartCoverageX, ChartCoverageY, Threshold      string
	ChartProfiles, ChartProfilesY                                 string

	// kinds of holes, in the order of analysis.Kinds
	KindBasis, KindUnassessed, KindProfile, KindAssignment, KindSinglePoint string

	// column headers
	Rank, Kind, ID, Subject, Group, Team, Severity, Coverage, Fit   string
	Lacking, WhoLacks, CanShare, WhoShares, More                    string
	Name, Role, Competence, Met, Assessed, Holders, Hole            string
	ProfileL, Fitting, Assigned, AssignedFitting                    string
	Type, Basis, Profile, Level, Required, Gap                      string
	AssignedProfiles, BasisCoverage, GapCount, GapSum, NotAssessed  string
	BestProfiles, BestFit, TopGaps, RequirementRow                  string
	SeverityNote, CoverageNote, FitNote, ShareNote, ShareProfile    string
	HeatmapTitle, Legend, LegendGap3, LegendGap2, LegendGap1        string
	LegendMet, LegendNotAssessed, LegendNotRequired, HeatmapNote    string
	ProfilesNote                                                    string
	FrameworkTitle, TitleL, Language, Source, Publisher, Year, URL  string
	Description, Extends, File, DefRequired, DefTarget, DefFit      string
	Scale, Label, Competences, Area, Indicators, Target, RequiredBy string
	Roles, ExpectedProfiles, RolesNote                              string
}

var labelsEN = labels{
	Overview: "Overview", Huller: "Huller", Heatmap: "Heatmap", Gaps: "Gaps",
	Profiles: "Profiles", People: "People", Framework: "Framework",

	Title: "huller report: %s", About: "About this report", FrameworkL: "Framework",
	RosterFile: "Roster file", Date: "Date", Persons: "Persons", Settings: "Settings",
	CoverageThreshold: "Coverage threshold (a basis competence is a hole below it)",
	TargetLevel:       "Target level (profiles; who can share a competence)",
	FitThreshold:      "Profile fit threshold",
	MinSpecialists:    "Persons who should fit each profile",
	TeamFilter:        "Team", PersonFilter: "Persons listed",
	RequirementsFile: "Requirements file", ByTeam: "Holes per team",
	Yes: "yes", No: "no", All: "all", None: "none",
	KeyFigures:      "Key figures",
	TeamCoverage:    "Team basis coverage (required levels met, of those assessed)",
	RequirementsMet: "Required levels met", PeopleWithGaps: "Persons with at least one gap",
	NotAssessedReqs: "Required levels not assessed",
	BasisBelow:      "Basis competences below the threshold",
	ProfilesCovered: "Profiles covered", HolesByKind: "Holes by kind", HolesTotal: "Holes in all",
	XofY:     "%s of %s",
	TopHoles: "The ten most severe holes (all holes: sheet %s)", NoHoles: "No holes found.",
	CoverageTable: "Team coverage per basis competence", ProfileTable: "Profiles",
	Notes: "Notes", Warnings: "Warnings",
	Continues:      "%s continues on %s (a sheet holds at most %s rows and %s columns).",
	Truncated:      "Texts longer than %s characters are cut short (ending in …).",
	ManyWarnings:   "… and %s more warnings.",
	ChartCoverage:  "Team coverage per basis competence",
	ChartCoverageX: "Basis competence", ChartCoverageY: "Share meeting the required level",
	Threshold:     "Threshold",
	ChartProfiles: "Persons fitting each profile", ChartProfilesY: "Persons",

	KindBasis: "Coverage below threshold", KindUnassessed: "Nobody assessed",
	KindProfile: "Too few fit the profile", KindAssignment: "Assigned but does not fit",
	KindSinglePoint: "Only one holder",

	Rank: "#", Kind: "Kind", ID: "ID", Subject: "Competence or profile", Group: "Group",
	Team: "Team", Severity: "Severity", Coverage: "Coverage", Fit: "Fit",
	Lacking: "Lacking (persons)", WhoLacks: "Who lacks it",
	CanShare: "Could share (persons)", WhoShares: "Who could share it with colleagues",
	More: "… and %s more",
	Name: "Name", Role: "Role", Competence: "Competence", Met: "Met", Assessed: "Assessed",
	Holders: "At target level", Hole: "Hole",
	ProfileL: "Profile", Fitting: "Fit the profile", Assigned: "Assigned",
	AssignedFitting: "Assigned and fit",
	Type:            "Type", Basis: "Basis", Profile: "Profile", Level: "Level",
	Required: "Required or target level", Gap: "Gap",
	AssignedProfiles: "Assigned profiles", BasisCoverage: "Basis coverage",
	GapCount: "Gaps", GapSum: "Gap sum (levels)", NotAssessed: "Not assessed",
	BestProfiles: "Best-fitting profiles", BestFit: "Best fit",
	TopGaps:        "Top three gaps (competence: level/required)",
	RequirementRow: "Requirement row",
	SeverityNote:   "Severity: the level steps persons would have to gain to close the hole.",
	CoverageNote:   "Coverage: the share of the persons assessed on the competence who meet their required level.",
	FitNote:        "Fit: the share of the profile's competences the person holds at the target level.",
	ShareNote:      "Persons at the target level (%s) or above: they could teach colleagues.",
	ShareProfile:   "For a profile: the persons who fit it.",
	HeatmapTitle:   "Level per person and competence",
	Legend:         "Legend:", LegendGap3: "Gap of 3+ levels", LegendGap2: "Gap of 2 levels",
	LegendGap1: "Gap of 1 level", LegendMet: "Met", LegendNotAssessed: "Required, not assessed",
	LegendNotRequired: "Not required",
	HeatmapNote:       "Required level: the role's for basis competences, the target level for the competences of assigned profiles.",
	ProfilesNote:      "Fit: share of a profile's competences at the target level or above; a person fits at %s or more. ★ marks an assigned profile.",
	FrameworkTitle:    "Framework as used in this report",
	TitleL:            "Title", Language: "Language", Source: "Source", Publisher: "Publisher",
	Year: "Year", URL: "URL", Description: "Description", Extends: "Extends", File: "File",
	DefRequired: "Default required level", DefTarget: "Default target level",
	DefFit: "Default fit threshold",
	Scale:  "Scale", Label: "Label", Competences: "Competences and profiles", Area: "Area",
	Indicators: "Indicators", Target: "Target level", RequiredBy: "Required: %s",
	Roles: "Roles", ExpectedProfiles: "Expected profiles",
	RolesNote: "Required levels per role as used (framework, then requirements file, then the roster's Requirements sheet).",
}

var labelsDA = labels{
	Overview: "Overblik", Huller: "Huller", Heatmap: "Varmekort", Gaps: "Kompetencegab",
	Profiles: "Profiler", People: "Medarbejdere", Framework: "Kompetenceramme",

	Title: "huller-rapport: %s", About: "Om rapporten", FrameworkL: "Kompetenceramme",
	RosterFile: "Medarbejderfil", Date: "Dato", Persons: "Personer", Settings: "Indstillinger",
	CoverageThreshold: "Dækningstærskel (en basiskompetence under den er et hul)",
	TargetLevel:       "Målniveau (profiler; hvem kan dele en kompetence)",
	FitThreshold:      "Tærskel for profilmatch",
	MinSpecialists:    "Personer der bør matche hver profil",
	TeamFilter:        "Team", PersonFilter: "Viste personer",
	RequirementsFile: "Kravfil", ByTeam: "Huller pr. team",
	Yes: "ja", No: "nej", All: "alle", None: "ingen",
	KeyFigures:      "Nøgletal",
	TeamCoverage:    "Teamets basisdækning (opfyldte krav af de vurderede)",
	RequirementsMet: "Opfyldte krav", PeopleWithGaps: "Personer med mindst ét gab",
	NotAssessedReqs: "Krav der ikke er vurderet",
	BasisBelow:      "Basiskompetencer under tærsklen",
	ProfilesCovered: "Dækkede profiler", HolesByKind: "Huller efter type", HolesTotal: "Huller i alt",
	XofY:     "%s af %s",
	TopHoles: "De ti alvorligste huller (alle huller: arket %s)", NoHoles: "Ingen huller fundet.",
	CoverageTable: "Teamets dækning pr. basiskompetence", ProfileTable: "Profiler",
	Notes: "Bemærkninger", Warnings: "Advarsler",
	Continues:      "%s fortsætter på %s (et ark kan højst have %s rækker og %s kolonner).",
	Truncated:      "Tekster på mere end %s tegn er afkortet (slutter med …).",
	ManyWarnings:   "… og %s advarsler mere.",
	ChartCoverage:  "Teamets dækning pr. basiskompetence",
	ChartCoverageX: "Basiskompetence", ChartCoverageY: "Andel der opfylder det krævede niveau",
	Threshold:     "Tærskel",
	ChartProfiles: "Personer der matcher hver profil", ChartProfilesY: "Personer",

	KindBasis: "Dækning under tærsklen", KindUnassessed: "Ingen er vurderet",
	KindProfile: "For få matcher profilen", KindAssignment: "Tildelt, men matcher ikke",
	KindSinglePoint: "Kun én har kompetencen",

	Rank: "#", Kind: "Type", ID: "ID", Subject: "Kompetence eller profil", Group: "Gruppe",
	Team: "Team", Severity: "Alvor", Coverage: "Dækning", Fit: "Match",
	Lacking: "Mangler (personer)", WhoLacks: "Hvem mangler den",
	CanShare: "Kan dele (personer)", WhoShares: "Hvem kan dele den med kolleger",
	More: "… og %s flere",
	Name: "Navn", Role: "Rolle", Competence: "Kompetence", Met: "Opfyldt", Assessed: "Vurderet",
	Holders: "På målniveau", Hole: "Hul",
	ProfileL: "Profil", Fitting: "Matcher profilen", Assigned: "Tildelt",
	AssignedFitting: "Tildelt og matcher",
	Type:            "Art", Basis: "Basis", Profile: "Profil", Level: "Niveau",
	Required: "Krævet niveau eller målniveau", Gap: "Gab",
	AssignedProfiles: "Tildelte profiler", BasisCoverage: "Basisdækning",
	GapCount: "Gab", GapSum: "Gab i alt (niveauer)", NotAssessed: "Ikke vurderet",
	BestProfiles: "Bedst matchende profiler", BestFit: "Bedste match",
	TopGaps:        "Tre største gab (kompetence: niveau/krav)",
	RequirementRow: "Kravrække",
	SeverityNote:   "Alvor: de niveautrin personerne skal op for at lukke hullet.",
	CoverageNote:   "Dækning: andelen af de vurderede personer, der opfylder deres krævede niveau.",
	FitNote:        "Match: andelen af profilens kompetencer, personen har på målniveau.",
	ShareNote:      "Personer på målniveau (%s) eller derover: de kan lære kolleger op.",
	ShareProfile:   "For en profil: de personer, der matcher den.",
	HeatmapTitle:   "Niveau pr. person og kompetence",
	Legend:         "Forklaring:", LegendGap3: "Gab på 3+ niveauer", LegendGap2: "Gab på 2 niveauer",
	LegendGap1: "Gab på 1 niveau", LegendMet: "Opfyldt", LegendNotAssessed: "Krævet, ikke vurderet",
	LegendNotRequired: "Ikke krævet",
	HeatmapNote:       "Krævet niveau: rollens for basiskompetencer, målniveauet for kompetencerne i tildelte profiler.",
	ProfilesNote:      "Match: andel af profilens kompetencer på målniveau eller derover; en person matcher ved %s eller mere. ★ markerer en tildelt profil.",
	FrameworkTitle:    "Kompetenceramme som anvendt i rapporten",
	TitleL:            "Titel", Language: "Sprog", Source: "Kilde", Publisher: "Udgiver",
	Year: "År", URL: "URL", Description: "Beskrivelse", Extends: "Udvider", File: "Fil",
	DefRequired: "Standard krævet niveau", DefTarget: "Standard målniveau",
	DefFit: "Standard tærskel for profilmatch",
	Scale:  "Skala", Label: "Betegnelse", Competences: "Kompetencer og profiler", Area: "Område",
	Indicators: "Indikatorer", Target: "Målniveau", RequiredBy: "Krav: %s",
	Roles: "Roller", ExpectedProfiles: "Forventede profiler",
	RolesNote: "Krævede niveauer pr. rolle som anvendt (kompetencerammen, så kravfilen, så medarbejderfilens ark Requirements).",
}

var labelsSL = labels{
	Overview: "Pregled", Huller: "Vrzeli", Heatmap: "Toplotna karta", Gaps: "Primanjkljaji",
	Profiles: "Profili", People: "Osebe", Framework: "Okvir",

	Title: "Poročilo huller: %s", About: "O poročilu", FrameworkL: "Okvir kompetenc",
	RosterFile: "Datoteka s seznamom oseb", Date: "Datum", Persons: "Osebe", Settings: "Nastavitve",
	CoverageThreshold: "Prag pokritosti (osnovna kompetenca pod njim je vrzel)",
	TargetLevel:       "Ciljna raven (profili; kdo lahko deli kompetenco)",
	FitThreshold:      "Prag ujemanja s profilom",
	MinSpecialists:    "Osebe, ki naj ustrezajo vsakemu profilu",
	TeamFilter:        "Ekipa", PersonFilter: "Prikazane osebe",
	RequirementsFile: "Datoteka z zahtevami", ByTeam: "Vrzeli po ekipah",
	Yes: "da", No: "ne", All: "vsi", None: "nobena",
	KeyFigures:      "Ključni podatki",
	TeamCoverage:    "Osnovna pokritost ekipe (izpolnjene zahteve med ocenjenimi)",
	RequirementsMet: "Izpolnjene zahteve", PeopleWithGaps: "Osebe z vsaj enim primanjkljajem",
	NotAssessedReqs: "Neocenjene zahteve",
	BasisBelow:      "Osnovne kompetence pod pragom",
	ProfilesCovered: "Pokriti profili", HolesByKind: "Vrzeli po vrsti", HolesTotal: "Vrzeli skupaj",
	XofY:     "%s od %s",
	TopHoles: "Deset najresnejših vrzeli (vse vrzeli: list %s)", NoHoles: "Ni najdenih vrzeli.",
	CoverageTable: "Pokritost ekipe po osnovnih kompetencah", ProfileTable: "Profili",
	Notes: "Opombe", Warnings: "Opozorila",
	Continues:      "%s se nadaljuje na %s (list ima največ %s vrstic in %s stolpcev).",
	Truncated:      "Besedila, daljša od %s znakov, so skrajšana (končajo se s …).",
	ManyWarnings:   "… in še %s opozoril.",
	ChartCoverage:  "Pokritost ekipe po osnovnih kompetencah",
	ChartCoverageX: "Osnovna kompetenca", ChartCoverageY: "Delež, ki dosega zahtevano raven",
	Threshold:     "Prag",
	ChartProfiles: "Osebe, ki ustrezajo posameznemu profilu", ChartProfilesY: "Osebe",

	KindBasis: "Pokritost pod pragom", KindUnassessed: "Nihče ni ocenjen",
	KindProfile: "Premalo oseb ustreza profilu", KindAssignment: "Dodeljen, a ne ustreza",
	KindSinglePoint: "Samo en nosilec",

	Rank: "#", Kind: "Vrsta", ID: "ID", Subject: "Kompetenca ali profil", Group: "Skupina",
	Team: "Ekipa", Severity: "Resnost", Coverage: "Pokritost", Fit: "Ujemanje",
	Lacking: "Manjka (osebe)", WhoLacks: "Kdo je nima",
	CanShare: "Lahko delijo (osebe)", WhoShares: "Kdo jo lahko deli s sodelavci",
	More: "… in še %s",
	Name: "Ime", Role: "Vloga", Competence: "Kompetenca", Met: "Izpolnjeno", Assessed: "Ocenjeno",
	Holders: "Na ciljni ravni", Hole: "Vrzel",
	ProfileL: "Profil", Fitting: "Ustrezajo profilu", Assigned: "Dodeljeni",
	AssignedFitting: "Dodeljeni in ustrezajo",
	Type:            "Tip", Basis: "Osnova", Profile: "Profil", Level: "Raven",
	Required: "Zahtevana ali ciljna raven", Gap: "Primanjkljaj",
	AssignedProfiles: "Dodeljeni profili", BasisCoverage: "Osnovna pokritost",
	GapCount: "Primanjkljaji", GapSum: "Vsota primanjkljajev (ravni)", NotAssessed: "Ni ocenjeno",
	BestProfiles: "Najbolj ustrezni profili", BestFit: "Najboljše ujemanje",
	TopGaps:        "Trije največji primanjkljaji (kompetenca: raven/zahteva)",
	RequirementRow: "Vrstica zahtev",
	SeverityNote:   "Resnost: število ravni, ki bi jih morale osebe pridobiti, da se vrzel zapre.",
	CoverageNote:   "Pokritost: delež ocenjenih oseb, ki dosegajo zahtevano raven.",
	FitNote:        "Ujemanje: delež kompetenc profila, ki jih oseba obvlada na ciljni ravni.",
	ShareNote:      "Osebe na ciljni ravni (%s) ali višje: lahko učijo sodelavce.",
	ShareProfile:   "Pri profilu: osebe, ki mu ustrezajo.",
	HeatmapTitle:   "Raven po osebah in kompetencah",
	Legend:         "Legenda:", LegendGap3: "Primanjkljaj 3+ ravni", LegendGap2: "Primanjkljaj 2 ravni",
	LegendGap1: "Primanjkljaj 1 raven", LegendMet: "Izpolnjeno", LegendNotAssessed: "Zahtevano, ni ocenjeno",
	LegendNotRequired: "Ni zahtevano",
	HeatmapNote:       "Zahtevana raven: raven vloge pri osnovnih kompetencah, ciljna raven pri kompetencah dodeljenih profilov.",
	ProfilesNote:      "Ujemanje: delež kompetenc profila na ciljni ravni ali višje; oseba ustreza pri %s ali več. ★ označuje dodeljen profil.",
	FrameworkTitle:    "Okvir kompetenc, kot je uporabljen v poročilu",
	TitleL:            "Naslov", Language: "Jezik", Source: "Vir", Publisher: "Izdajatelj",
	Year: "Leto", URL: "URL", Description: "Opis", Extends: "Razširja", File: "Datoteka",
	DefRequired: "Privzeta zahtevana raven", DefTarget: "Privzeta ciljna raven",
	DefFit: "Privzeti prag ujemanja",
	Scale:  "Lestvica", Label: "Oznaka", Competences: "Kompetence in profili", Area: "Področje",
	Indicators: "Kazalniki", Target: "Ciljna raven", RequiredBy: "Zahteva: %s",
	Roles: "Vloge", ExpectedProfiles: "Pričakovani profili",
	RolesNote: "Zahtevane ravni po vlogah, kot so uporabljene (okvir, nato datoteka z zahtevami, nato list Requirements v seznamu oseb).",
}

var allLabels = map[string]*labels{"en": &labelsEN, "da": &labelsDA, "sl": &labelsSL}

// labelsFor returns the labels of lang, English when lang has none.
func labelsFor(lang string) *labels {
	if l, ok := allLabels[strings.ToLower(lang)]; ok {
		return l
	}
	return &labelsEN
}

// sheetNames returns the names of the report's seven sheets in lang (English
// when the report has no texts in lang), in workbook order. Continuation
// sheets add " (2)", " (3)", … to a name.
func sheetNames(lang string) []string {
	l := labelsFor(lang)
	return []string{l.Overview, l.Huller, l.Heatmap, l.Gaps, l.Profiles, l.People, l.Framework}
}

// kind returns the label of a kind of hole (by its index in analysis.Kinds).
func (l *labels) kind(k int) string {
	switch k {
	case 0:
		return l.KindBasis
	case 1:
		return l.KindUnassessed
	case 2:
		return l.KindProfile
	case 3:
		return l.KindAssignment
	default:
		return l.KindSinglePoint
	}
}

// english reports whether l are the English labels.
func (l *labels) english() bool { return l == &labelsEN }

// num formats n with the language's thousands separator.
func (l *labels) num(n int) string {
	s := strconv.Itoa(max(n, -n))
	sep := "."
	if l.english() {
		sep = ","
	}
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// pct formats a share in [0, 1] as a whole percentage ("75%" or "75 %").
func (l *labels) pct(x float64) string {
	p := strconv.FormatFloat(x*100, 'f', -1, 64)
	if len(p) > 5 {
		p = strconv.FormatFloat(x*100, 'f', 1, 64)
	}
	if !l.english() {
		return strings.Replace(p, ".", ",", 1) + " %"
	}
	return p + "%"
}
