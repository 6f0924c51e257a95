package render

import "github.com/huller/huller/pkg/analysis"

// labels are the words of the terminal and Markdown output in one language.
type labels struct {
	decimal string // decimal separator
	percent string // format of a percentage; %s is the number

	// personForms are the plural forms of "person" chosen by plural.
	personForms []string
	plural      func(n int) int

	title          string // %s roster, %s counted persons, %s framework title, %s framework id
	teamOnly       string // %s team
	summary        string
	persons        string
	listed         string // %d listed persons
	team           string
	coverage       string
	cov            string // a column: coverage
	coverageOf     string // %d met, %d assessed requirements
	gapSum         string
	peopleWithGaps string
	withGaps       string // %d of %d
	notAssessed    string
	holes          string
	settings       string
	settingsFmt    string // %s coverage, %d target, %s fit, %d specialists
	none           string
	noTeam         string

	rank, severity, kind, competence, people string
	more                                     string // %d more persons
	moreRows                                 string // %d more rows not shown
	fitNote                                  string // %s fit

	overview, name, role, gaps, best, profile string
	required, level, gap, target              string
	fit, fits, assigned                       string
	yes, no, notAssessedCell                  string
	personGaps, personProfiles, profileGaps   string // headings, %s name
	teamHeading                               string // %s team, %s counted persons
	noTeamHeading                             string // %s counted persons
	noHoles, noGaps                           string

	kinds map[analysis.Kind]string
}

var languages = map[string]*labels{"en": &en, "da": &da, "sl": &sl}

// Languages lists the languages of the labels.
func Languages() []string { return []string{"en", "da", "sl"} }

var en = labels{
	decimal: ".", percent: "%s%%",
	personForms: []string{"person", "persons"}, plural: germanic,
	title:    "%s: %s against %s (%s)",
	teamOnly: "team %s",
	summary:  "Summary", persons: "Persons", listed: "%d listed", team: "Team",
	coverage: "Basis coverage", cov: "Coverage", coverageOf: "%d of %d assessed requirements met",
	gapSum: "Levels missing (gap sum)", peopleWithGaps: "Persons with gaps", withGaps: "%d of %d",
	notAssessed: "Required but not assessed", holes: "Holes", settings: "Settings",
	settingsFmt: "coverage %s · target level %d · fit %s · specialists per profile %d",
	none:        "none", noTeam: "(no team)",
	rank: "#", severity: "Severity", kind: "Kind", competence: "Competence", people: "People",
	more: "+%d more", moreRows: "… %d more not shown", fitNote: "fit %s",
	overview: "People", name: "Name", role: "Role", gaps: "Gap sum", best: "Best profile",
	profile: "Profile", required: "Required", level: "Level", gap: "Gap", target: "Target",
	fit: "Fit", fits: "Fits", assigned: "Assigned",
	yes: "yes", no: "no", notAssessedCell: "not assessed",
	personGaps: "Basis gaps of %s", personProfiles: "Profiles of %s", profileGaps: "Profile gaps of %s",
	teamHeading: "Team %s (%s)", noTeamHeading: "Without a team (%s)",
	noHoles: "No holes found.", noGaps: "No gaps.",
	kinds: map[analysis.Kind]string{
		analysis.KindBasis:       "basis coverage",
		analysis.KindUnassessed:  "not assessed",
		analysis.KindProfile:     "profile not covered",
		analysis.KindAssignment:  "assigned but not fitting",
		analysis.KindSinglePoint: "single point",
	},
}

var da = labels{
	decimal: ",", percent: "%s\u00a0%%",
	personForms: []string{"person", "personer"}, plural: germanic,
	title:    "%s: %s mod %s (%s)",
	teamOnly: "team %s",
	summary:  "Overblik", persons: "Personer", listed: "%d vist", team: "Team",
	coverage: "Basisdækning", cov: "Dækning", coverageOf: "%d af %d vurderede krav opfyldt",
	gapSum: "Manglende niveauer (sum)", peopleWithGaps: "Personer med mangler", withGaps: "%d af %d",
	notAssessed: "Krævet, men ikke vurderet", holes: "Huller", settings: "Indstillinger",
	settingsFmt: "dækning %s · målniveau %d · match %s · specialister pr. profil %d",
	none:        "ingen", noTeam: "(uden team)",
	rank: "#", severity: "Alvor", kind: "Type", competence: "Kompetence", people: "Personer",
	more: "+%d flere", moreRows: "… %d flere vises ikke", fitNote: "match %s",
	overview: "Personer", name: "Navn", role: "Rolle", gaps: "Manglende niveauer", best: "Bedste profil",
	profile: "Profil", required: "Krævet", level: "Niveau", gap: "Mangler", target: "Mål",
	fit: "Match", fits: "Passer", assigned: "Tildelt",
	yes: "ja", no: "nej", notAssessedCell: "ikke vurderet",
	personGaps: "Basismangler for %s", personProfiles: "Profiler for %s", profileGaps: "Profilmangler for %s",
	teamHeading: "Team %s (%s)", noTeamHeading: "Uden team (%s)",
	noHoles: "Ingen huller fundet.", noGaps: "Ingen mangler.",
	kinds: map[analysis.Kind]string{
		analysis.KindBasis:       "basisdækning",
		analysis.KindUnassessed:  "ikke vurderet",
		analysis.KindProfile:     "profil ikke dækket",
		analysis.KindAssignment:  "tildelt uden at passe",
		analysis.KindSinglePoint: "kun én person",
	},
}

var sl = labels{
	decimal: ",", percent: "%s\u00a0%%",
	personForms: []string{"oseba", "osebi", "osebe", "oseb"}, plural: slovene,
	title:    "%s: %s, okvir: %s (%s)",
	teamOnly: "ekipa %s",
	summary:  "Povzetek", persons: "Osebe", listed: "prikazano: %d", team: "Ekipa",
	coverage: "Pokritost osnove", cov: "Pokritost", coverageOf: "izpolnjenih %d od %d ocenjenih zahtev",
	gapSum: "Manjkajoče ravni (vsota)", peopleWithGaps: "Osebe z vrzelmi", withGaps: "%d od %d",
	notAssessed: "Zahtevano, a ne ocenjeno", holes: "Vrzeli", settings: "Nastavitve",
	settingsFmt: "pokritost %s · ciljna raven %d · ujemanje %s · specialistov na profil %d",
	none:        "nič", noTeam: "(brez ekipe)",
	rank: "#", severity: "Resnost", kind: "Vrsta", competence: "Kompetenca", people: "Osebe",
	more: "+%d drugih", moreRows: "… nadaljnjih %d ni prikazanih", fitNote: "ujemanje %s",
	overview: "Osebe", name: "Ime", role: "Vloga", gaps: "Manjkajoče ravni", best: "Najboljši profil",
	profile: "Profil", required: "Zahtevano", level: "Raven", gap: "Manjka", target: "Cilj",
	fit: "Ujemanje", fits: "Ustreza", assigned: "Dodeljen",
	yes: "da", no: "ne", notAssessedCell: "ni ocenjeno",
	personGaps: "Vrzeli v osnovi: %s", personProfiles: "Profili: %s", profileGaps: "Vrzeli v profilih: %s",
	teamHeading: "Ekipa %s (%s)", noTeamHeading: "Brez ekipe (%s)",
	noHoles: "Ni najdenih vrzeli.", noGaps: "Ni vrzeli.",
	kinds: map[analysis.Kind]string{
		analysis.KindBasis:       "pokritost osnove",
		analysis.KindUnassessed:  "ni ocenjeno",
		analysis.KindProfile:     "profil ni pokrit",
		analysis.KindAssignment:  "dodeljen brez ujemanja",
		analysis.KindSinglePoint: "le ena oseba",
	},
}

// germanic: one, other.
func germanic(n int) int {
	if n == 1 {
		return 0
	}
	return 1
}

// slovene: one (1, 101, …), two (2, 102, …), few (3–4, 103–104, …), other.
func slovene(n int) int {
	switch n % 100 {
	case 1:
		return 0
	case 2:
		return 1
	case 3, 4:
		return 2
	}
	return 3
}

// personsN returns "n persons" in the language.
func (l *labels) personsN(n int) string {
	return itoa(n) + " " + l.personForms[l.plural(n)]
}
