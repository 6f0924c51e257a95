package rosterform

import "sort"

// texts are the words of a template in one language. Placeholders: %[1]s
// is the framework id, %[2]s the file name hint.
type texts struct {
	headers      [5]string // name, id, role, team, profiles: aliases the roster reader knows
	roleName     string    // requirements: the role's display name column
	title        string
	framework    string
	steps        []string
	scaleTitle   string
	scaleHeader  [3]string
	rolesTitle   string
	rolesHeader  [3]string
	profTitle    string
	profHeader   [3]string
	levelPrompt  string
	levelError   string
	roleError    string
	groupComment string
	indicators   string
	roleComment  string
	profComment  string
	nameComment  string
	idComment    string
	teamComment  string
}

var allTexts = map[string]texts{
	"da": {
		headers:   [5]string{"navn", "medarbejdernr", "rolle", "team", "profiler"},
		roleName:  "rollenavn",
		title:     "Kompetencekortlægning",
		framework: "Rammeværk",
		steps: []string{
			"Skriv én medarbejder pr. række på arket Roster: navn, medarbejdernummer (valgfrit), rolle, team (valgfrit) og profiler (valgfrit, adskilt med komma).",
			"Vurder hver kompetence med et niveau fra skalaen nedenfor; vælg det fra listen i cellen, eller skriv tallet.",
			"Lad cellen stå tom, eller skriv -, n/a eller ?, når en kompetence ikke er vurderet.",
			"Hold musen over en kolonneoverskrift for at se kompetencens fulde tekst og indikatorer. Fold grupperne ud og sammen med + og - over kolonnerne.",
			"De grå gruppekolonner (fx \"1 …\") er valgfri: et niveau dér gælder for de kompetencer i gruppen, der står tomme.",
			"Arket Requirements viser det krævede niveau pr. rolle og basiskompetence. Ret det til jeres egne krav; det går forud for rammeværkets.",
			"Tilføj ikke andre kolonner på arket Roster, og lad overskriftsrækken være. Gem som .xlsx, og kør derefter: huller analyze %[2]s",
		},
		scaleTitle:   "Skala",
		scaleHeader:  [3]string{"Niveau", "Betegnelse", "Beskrivelse"},
		rolesTitle:   "Roller",
		rolesHeader:  [3]string{"Rolle (id)", "Navn", "Forventede profiler"},
		profTitle:    "Profiler",
		profHeader:   [3]string{"Profil (id)", "Navn", "Fokus"},
		levelPrompt:  "Niveau",
		levelError:   "Vælg et niveau fra listen. Skriv -, n/a eller ? hvis kompetencen ikke er vurderet.",
		roleError:    "Vælg en rolle fra listen (eller en rolle fra arket Requirements).",
		groupComment: "Valgfri: et niveau her gælder for alle kompetencer i gruppen, der står tomme.",
		indicators:   "Indikatorer:",
		roleComment:  "Rollens id, fx: ",
		profComment:  "Profilernes id, adskilt med komma: ",
		nameComment:  "Medarbejderens navn (skal udfyldes).",
		idComment:    "Medarbejdernummer eller initialer (valgfrit); skiller to personer med samme navn ad.",
		teamComment:  "Team eller afdeling (valgfrit).",
	},
	"en": {
		headers:   [5]string{"name", "id", "role", "team", "profiles"},
		roleName:  "role name",
		title:     "Competence mapping",
		framework: "Framework",
		steps: []string{
			"Enter one person per row on the Roster sheet: name, id (optional), role, team (optional) and profiles (optional, separated by commas).",
			"Assess each competence with a level of the scale below: pick it from the list in the cell, or type the number.",
			"Leave the cell blank, or type -, n/a or ?, when a competence has not been assessed.",
			"Hover over a column header to see the competence's full text and indicators. Expand and collapse the groups with + and - above the columns.",
			"The grey group columns (e.g. \"1 …\") are optional: a level there applies to the competences of the group left blank.",
			"The Requirements sheet holds the required level per role and basis competence. Adapt it to your own requirements; it takes precedence over the framework's.",
			"Do not add other columns to the Roster sheet, and keep its header row. Save as .xlsx, then run: huller analyze %[2]s",
		},
		scaleTitle:   "Scale",
		scaleHeader:  [3]string{"Level", "Label", "Description"},
		rolesTitle:   "Roles",
		rolesHeader:  [3]string{"Role (id)", "Name", "Expected profiles"},
		profTitle:    "Profiles",
		profHeader:   [3]string{"Profile (id)", "Name", "Focus"},
		levelPrompt:  "Level",
		levelError:   "Pick a level from the list. Type -, n/a or ? when the competence has not been assessed.",
		roleError:    "Pick a role from the list (or a role of the Requirements sheet).",
		groupComment: "Optional: a level here applies to every competence of the group left blank.",
		indicators:   "Indicators:",
		roleComment:  "The role's id, e.g.: ",
		profComment:  "Profile ids, separated by commas: ",
		nameComment:  "The person's name (required).",
		idComment:    "Employee number or initials (optional); tells two people of the same name apart.",
		teamComment:  "Team or unit (optional).",
	},
	"sl": {
		headers:   [5]string{"ime", "šifra", "vloga", "tim", "profili"},
		roleName:  "ime vloge",
		title:     "Popis kompetenc",
		framework: "Okvir",
		steps: []string{
			"Na list Roster vpišite eno osebo na vrstico: ime, šifro (neobvezno), vlogo, tim (neobvezno) in profile (neobvezno, ločene z vejico).",
			"Vsako kompetenco ocenite z ravnjo s spodnje lestvice: izberite jo s seznama v celici ali vpišite število.",
			"Če kompetenca ni ocenjena, pustite celico prazno ali vpišite -, n/a ali ?.",
			"Celotno besedilo kompetence in kazalnike vidite, če z miško pokažete na naslov stolpca. Skupine razširite in strnete z + in - nad stolpci.",
			"Sivi stolpci skupin (npr. \"1 …\") so neobvezni: raven tam velja za kompetence skupine, ki ostanejo prazne.",
			"List Requirements navaja zahtevano raven za vsako vlogo in osnovno kompetenco. Prilagodite jo svojim zahtevam; ima prednost pred okvirom.",
			"Na list Roster ne dodajajte drugih stolpcev in ohranite vrstico z naslovi. Shranite kot .xlsx in zaženite: huller analyze %[2]s",
		},
		scaleTitle:   "Lestvica",
		scaleHeader:  [3]string{"Raven", "Oznaka", "Opis"},
		rolesTitle:   "Vloge",
		rolesHeader:  [3]string{"Vloga (id)", "Ime", "Pričakovani profili"},
		profTitle:    "Profili",
		profHeader:   [3]string{"Profil (id)", "Ime", "Poudarek"},
		levelPrompt:  "Raven",
		levelError:   "Izberite raven s seznama. Če kompetenca ni ocenjena, vpišite -, n/a ali ?.",
		roleError:    "Izberite vlogo s seznama (ali vlogo z lista Requirements).",
		groupComment: "Neobvezno: raven tukaj velja za vse kompetence skupine, ki ostanejo prazne.",
		indicators:   "Kazalniki:",
		roleComment:  "Id vloge, npr.: ",
		profComment:  "Id-ji profilov, ločeni z vejico: ",
		nameComment:  "Ime osebe (obvezno).",
		idComment:    "Šifra ali začetnice (neobvezno); loči dve osebi z enakim imenom.",
		teamComment:  "Tim ali enota (neobvezno).",
	},
}

// Languages lists the languages the template's own texts are written in;
// other languages fall back to English (the framework's texts still follow
// the chosen language where the framework has it).
func Languages() []string {
	out := make([]string, 0, len(allTexts))
	for k := range allTexts {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func textsFor(lang string) texts {
	if t, ok := allTexts[lang]; ok {
		return t
	}
	return allTexts["en"]
}
