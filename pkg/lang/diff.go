package lang

// Assessment dates and assessors, and `huller diff`: two mappings of the
// same unit compared.
var (
	AssessedOn = t("Assessed", "Vurderet", "Ocenjeno")
	AssessedBy = t("Assessed by", "Vurderet af", "Ocenjevalec")

	DiffTitle       = t("%s → %s: %s measured against %s (%s)", "%s → %s: %s holdt op mod %s (%s)", "%s → %s: %s, okvir: %s (%s)")
	DiffReportTitle = t("huller: what changed in %s", "huller: hvad der har ændret sig i %s", "huller: kaj se je spremenilo v %s")
	DiffBefore      = t("Before", "Før", "Prej")
	DiffAfter       = t("After", "Efter", "Potem")
	DiffChangeCol   = t("Change", "Ændring", "Sprememba")
	DiffPointsCol   = t("Change (points)", "Ændring (procentpoint)", "Sprememba (odstotne točke)")
	DiffWas         = t("was: %s", "var: %s", "prej: %s")

	// What persons are measured against.
	DiffRulesTitle = t("What the persons are measured against changed", "Det, medarbejderne holdes op mod, er ændret",
		"Spremenilo se je, s čim se osebe primerjajo")
	DiffRulesNote = t("The changes these make are kept apart from the persons' own: see the step “%s” and the column “%s”.",
		"De ændringer, de giver, holdes adskilt fra medarbejdernes egne: se trinnet »%s« og kolonnen »%s«.",
		"Spremembe, ki jih povzročijo, so ločene od sprememb pri osebah: glej korak »%s« in stolpec »%s«.")
	DiffWhat             = t("What", "Hvad", "Kaj")
	DiffRuleRequirement  = t("Required level of %s on %s", "Krævet niveau for %s på %s", "Zahtevana raven za %s pri %s")
	DiffRuleTarget       = t("Target level of %s", "Målniveau for %s", "Ciljna raven za %s")
	DiffRuleTeach        = t("Teaching level of %s", "Niveau for at lære fra sig på %s", "Raven poučevanja za %s")
	DiffRuleLeafAdded    = t("Competence added: %s", "Kompetence tilføjet: %s", "Dodana kompetenca: %s")
	DiffRuleLeafRemoved  = t("Competence removed: %s", "Kompetence fjernet: %s", "Odstranjena kompetenca: %s")
	DiffRuleProfAdded    = t("Profile added: %s", "Profil tilføjet: %s", "Dodan profil: %s")
	DiffRuleProfRemoved  = t("Profile removed: %s", "Profil fjernet: %s", "Odstranjen profil: %s")
	DiffRuleProfile      = t("%s: target level, competences needed to fit, specialists", "%s: målniveau, kompetencer for at matche, specialister", "%s: ciljna raven, potrebne kompetence za ujemanje, specialisti")
	DiffRuleRoleProfiles = t("Profiles expected of %s", "Profiler der forventes af %s", "Profili, pričakovani od %s")
	DiffRuleFrameworkTxt = t("The framework was edited in parts that change no figure (its texts).", "Kompetencerammen er ændret i dele, der ikke ændrer noget tal (dens tekster).", "Okvir je bil spremenjen v delih, ki ne spremenijo nobene številke (besedila).")
	DiffRuleReqOther     = t("The requirements were edited without changing the required level of a role with persons in both mappings.", "Kravene er ændret uden at ændre det krævede niveau for en rolle med medarbejdere i begge kortlægninger.", "Zahteve so bile spremenjene, ne da bi se spremenila zahtevana raven vloge z osebami v obeh popisih.")

	// The summary.
	DiffPersonsLine     = t("%s → %s (in both: %s, of them %s by name; joined: %s; left: %s)", "%s → %s (i begge: %s, heraf %s ud fra navn; startet: %s; stoppet: %s)", "%s → %s (v obeh: %s, od tega po imenu %s; prišli: %s; odšli: %s)")
	DiffPoints          = t("%s points", "%s procentpoint", "%s odstotne točke")
	DiffHoleCounts      = t("%s → %s: %s opened, %s changed kind, %s persisting (%s worse, %s better), %s closed", "%s → %s: %s nye, %s skiftet type, %s består (%s værre, %s bedre), %s lukket", "%s → %s: novih %s, spremenjena vrsta %s, ostaja %s (slabše %s, boljše %s), zaprtih %s")
	DiffAssessmentsL    = t("Assessments", "Vurderinger", "Ocene")
	DiffAssessmentsLine = t("%s reassessed, %s carried over (the same date), %s without dates to compare", "%s vurderet igen, %s overført (samme dato), %s uden datoer at sammenligne", "ponovno ocenjenih %s, prenesenih %s (isti datum), brez datumov za primerjavo %s")
	DiffOtherAssessorL  = t("Levels changed by another assessor", "Niveauer ændret af en anden bedømmer", "Ravni, ki jih je spremenil drug ocenjevalec")
	DiffOtherLine       = t("%s levels of %s persons", "%s niveauer hos %s medarbejdere", "%s ravni pri %s osebah")
	DiffCoveredNote     = t("A profile is covered when at least as many persons fit it as it needs specialists, and at least one.", "En profil er dækket, når mindst lige så mange matcher den, som den skal have specialister, og mindst én.", "Profil je pokrit, ko mu ustreza vsaj toliko oseb, kot potrebuje specialistov, in vsaj ena.")

	// The steps.
	DiffStepsTitle = t("Where the change came from", "Hvor ændringen kom fra", "Od kod izvira sprememba")
	DiffStepCol    = t("Step", "Trin", "Korak")
	DiffStepsNote  = t("Each row is the unit once that change is made, in this order, measured against the requirements before until the last row, which is the new mapping. A hole is put down to the row at which it last opened or closed.",
		"Hver række er enheden, når den ændring er sket, i denne rækkefølge, holdt op mod de tidligere krav indtil sidste række, som er den nye kortlægning. Et hul tilskrives den række, hvor det sidst opstod eller lukkede.",
		"Vsaka vrstica je enota po tej spremembi, v tem vrstnem redu, merjena po prejšnjih zahtevah do zadnje vrstice, ki je novi popis. Vrzel je pripisana vrstici, pri kateri se je nazadnje odprla ali zaprla.")
	DiffStepStart  = t("before: %s", "før: %s", "prej: %s")
	DiffStepLeft   = t("%s left", "%s er stoppet", "odšli: %s")
	DiffStepStayed = t("changes of the %s who stayed", "ændringer hos de %s, der er blevet", "spremembe pri %s, ki so ostali")
	DiffStepOther  = t("levels given by another assessor", "niveauer sat af en anden bedømmer", "ravni, ki jih je dal drug ocenjevalec")
	DiffStepJoined = t("%s joined", "%s er startet", "prišli: %s")
	DiffStepRules  = t("the new requirements and framework", "de nye krav og kompetenceramme", "nove zahteve in okvir")

	// Causes of a hole's change.
	DiffCauseCol    = t("Caused by", "Skyldes", "Vzrok")
	DiffCauseLeft   = t("persons who left", "medarbejdere der er stoppet", "odhodi")
	DiffCauseStayed = t("changes of those who stayed", "ændringer hos dem, der er blevet", "spremembe pri tistih, ki so ostali")
	DiffCauseOther  = t("another assessor", "en anden bedømmer", "drug ocenjevalec")
	DiffCauseJoined = t("persons who joined", "nye medarbejdere", "prihodi")
	DiffCauseRules  = t("the new requirements", "de nye krav", "nove zahteve")

	// The holes.
	DiffHolesOpened     = t("Holes opened", "Nye huller", "Nove vrzeli")
	DiffHolesChanged    = t("Holes that changed kind", "Huller der har skiftet type", "Vrzeli, ki so spremenile vrsto")
	DiffHolesPersisting = t("Holes persisting", "Huller der består", "Vrzeli, ki ostajajo")
	DiffHolesClosed     = t("Holes closed", "Lukkede huller", "Zaprte vrzeli")
	DiffNoHoleChanges   = t("None.", "Ingen.", "Nič.")
	DiffHoleSide        = t("%s; %s", "%s; %s", "%s; %s")
	DiffLevelsToRaise   = t("%s to raise", "løftebehov %s", "potreben dvig %s")
	DiffWorse           = t("worse", "værre", "slabše")
	DiffBetter          = t("better", "bedre", "boljše")
	DiffUnchanged       = t("unchanged", "uændret", "nespremenjeno")

	// Coverage and profiles.
	DiffOldRulesCol  = t("After, old requirements", "Efter, gamle krav", "Potem, stare zahteve")
	DiffCoveredCol   = t("Covered", "Dækket", "Pokrit")
	DiffProfilesDiff = t("Profiles: persons who fit them", "Profiler: medarbejdere der matcher", "Profili: osebe, ki jim ustrezajo")
	DiffMissing      = t("not in the framework", "ikke i rammen", "ni v okviru")

	// The persons.
	DiffJoinedTitle    = t("Joined", "Startet", "Prišli")
	DiffLeftTitle      = t("Left", "Stoppet", "Odšli")
	DiffChangedTitle   = t("Changes per person", "Ændringer pr. medarbejder", "Spremembe po osebah")
	DiffWhatChanged    = t("What changed", "Hvad der er ændret", "Kaj se je spremenilo")
	DiffNoneJoined     = t("No one joined.", "Ingen er startet.", "Nihče ni prišel.")
	DiffNoneLeft       = t("No one left.", "Ingen er stoppet.", "Nihče ni odšel.")
	DiffNoneChanged    = t("No one in both mappings changed.", "Ingen i begge kortlægninger har ændret sig.", "Pri nikomer v obeh popisih ni sprememb.")
	DiffUnchangedNote  = t("%s in both mappings without a change.", "%s i begge kortlægninger uden ændringer.", "Brez sprememb v obeh popisih: %s.")
	DiffOtherNote      = t("* given by another assessor than before.", "* sat af en anden bedømmer end før.", "* dal drug ocenjevalec kot prej.")
	DiffRenamedFrom    = t("new name, was %s", "nyt navn, før %s", "novo ime, prej %s")
	DiffRoleChange     = t("role %s → %s", "rolle %s → %s", "vloga %s → %s")
	DiffTeamChange     = t("team %s → %s", "team %s → %s", "ekipa %s → %s")
	DiffLevelsUp       = t("up: %s", "op: %s", "navzgor: %s")
	DiffLevelsDown     = t("down: %s", "ned: %s", "navzdol: %s")
	DiffLevelsRemoved  = t("assessment removed: %s", "vurdering fjernet: %s", "ocena odstranjena: %s")
	DiffLevelsAdded    = t("newly assessed: %s", "nyvurderet: %s", "na novo ocenjeno: %s")
	DiffGainedCol      = t("Now fits", "Matcher nu", "Zdaj ustreza")
	DiffLostCol        = t("No longer fits", "Matcher ikke længere", "Ne ustreza več")
	DiffNowFits        = t("now fits: %s", "matcher nu: %s", "zdaj ustreza: %s")
	DiffNoLongerFits   = t("no longer fits: %s", "matcher ikke længere: %s", "ne ustreza več: %s")
	DiffByNewRules     = t("%s (the new requirements)", "%s (de nye krav)", "%s (nove zahteve)")
	DiffReassessed     = t("reassessed", "vurderet igen", "ponovno ocenjeno")
	DiffCarriedOver    = t("carried over (the same date)", "overført (samme dato)", "preneseno (isti datum)")
	DiffEarlierDate    = t("an earlier date than before", "en tidligere dato end før", "zgodnejši datum kot prej")
	DiffGapSumOldRules = t("%s → %s (%s by the new requirements)", "%s → %s (%s fra de nye krav)", "%s → %s (%s zaradi novih zahtev)")

	// The workbook.
	DiffChart            = t("Coverage per basic competence, before and after", "Dækning pr. basiskompetence, før og efter", "Pokritost po osnovnih kompetencah, prej in potem")
	DiffHeatmapTitle     = t("Level changes per person and competence (after − before)", "Niveauændringer pr. medarbejder og kompetence (efter − før)", "Spremembe ravni po osebah in kompetencah (potem − prej)")
	DiffLegendUp         = t("Up", "Op", "Navzgor")
	DiffLegendDown       = t("Down", "Ned", "Navzdol")
	DiffLegendRemoved    = t("Assessment removed (r)", "Vurdering fjernet (r)", "Ocena odstranjena (r)")
	DiffLegendAdded      = t("Newly assessed (n)", "Nyvurderet (n)", "Na novo ocenjeno (n)")
	DiffStatusJoined     = t("joined", "startet", "prišel")
	DiffStatusLeft       = t("left", "stoppet", "odšel")
	DiffStatusStayed     = t("in both", "i begge", "v obeh")
	DiffOpened           = t("opened", "ny", "nova")
	DiffChangedKind      = t("changed kind", "skiftet type", "spremenjena vrsta")
	DiffPersisting       = t("persisting", "består", "ostaja")
	DiffClosed           = t("closed", "lukket", "zaprta")
	DiffOtherAssessorCol = t("By another assessor", "Af en anden bedømmer", "Drug ocenjevalec")
)
