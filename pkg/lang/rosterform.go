package lang

// The roster template (huller template): its column headers (which the
// roster reader also knows), the Instructions sheet, comments and input
// messages.
var (
	HeaderName = t("name",
		"navn",
		"ime")
	HeaderID = t("id",
		"medarbejdernr",
		"šifra")
	HeaderRole = t("role",
		"rolle",
		"vloga")
	HeaderTeam = t("team",
		"team",
		"tim")
	HeaderProfiles = t("profiles",
		"profiler",
		"profili")
	HeaderRoleName = t("role name",
		"rollenavn",
		"ime vloge")
	FormTitle = t("Competence mapping",
		"Kompetencekortlægning",
		"Popis kompetenc")
	FormFramework = t("Framework",
		"Rammeværk",
		"Okvir")
	FormStepRoster = t("Enter one person per row on the Roster sheet: name, id (optional), role, team (optional) and profiles (optional, separated by commas).",
		"Skriv én medarbejder pr. række på arket Roster: navn, medarbejdernummer (valgfrit), rolle, team (valgfrit) og profiler (valgfrit, adskilt med komma).",
		"Na list Roster vpišite eno osebo na vrstico: ime, šifro (neobvezno), vlogo, tim (neobvezno) in profile (neobvezno, ločene z vejico).")
	FormStepAssess = t("Assess each competence with a level of the scale below: pick it from the list in the cell, or type the number.",
		"Vurder hver kompetence med et niveau fra skalaen nedenfor; vælg det fra listen i cellen, eller skriv tallet.",
		"Vsako kompetenco ocenite z ravnjo s spodnje lestvice: izberite jo s seznama v celici ali vpišite število.")
	FormStepBlank = t("Leave the cell blank, or type -, n/a or ?, when a competence has not been assessed.",
		"Lad cellen stå tom, eller skriv -, n/a eller ?, når en kompetence ikke er vurderet.",
		"Če kompetenca ni ocenjena, pustite celico prazno ali vpišite -, n/a ali ?.")
	FormStepHover = t("Hover over a column header to see the competence's full text and indicators. Expand and collapse the groups with + and - above the columns.",
		"Hold musen over en kolonneoverskrift for at se kompetencens fulde tekst og indikatorer. Fold grupperne ud og sammen med + og - over kolonnerne.",
		"Celotno besedilo kompetence in kazalnike vidite, če z miško pokažete na naslov stolpca. Skupine razširite in strnete z + in - nad stolpci.")
	FormStepGroups = t("The grey group columns (e.g. \"1 …\") are optional: a level there applies to the competences of the group left blank.",
		"De grå gruppekolonner (fx \"1 …\") er valgfri: et niveau dér gælder for de kompetencer i gruppen, der står tomme.",
		"Sivi stolpci skupin (npr. \"1 …\") so neobvezni: raven tam velja za kompetence skupine, ki ostanejo prazne.")
	FormStepRequirements = t("The Requirements sheet holds the required level per role and basic competence. Adapt it to your own requirements; it takes precedence over the framework's.",
		"Arket Requirements viser det krævede niveau pr. rolle og basiskompetence. Ret det til jeres egne krav; det går forud for rammeværkets.",
		"List Requirements navaja zahtevano raven za vsako vlogo in osnovno kompetenco. Prilagodite jo svojim zahtevam; ima prednost pred okvirom.")
	FormStepDefaults = t("The levels filled in on the Requirements sheet are huller's defaults, not the source's. Adapt them to your unit: until you do, the report says that persons are measured against huller's defaults.",
		"Niveauerne på arket Requirements er hullers standarder, ikke kildens. Tilpas dem til jeres enhed: indtil I gør det, skriver rapporten, at medarbejderne måles mod hullers standarder.",
		"Ravni na listu Requirements so privzete ravni programa huller, ne vira. Prilagodite jih svoji enoti: dokler tega ne storite, poročilo navaja, da so osebe merjene po privzetih ravneh programa huller.")
	FormStepRun = t("Do not add other columns to the Roster sheet, and keep its header row. Save as .xlsx, then run: huller analyze %s",
		"Tilføj ikke andre kolonner på arket Roster, og lad overskriftsrækken være. Gem som .xlsx, og kør derefter: huller analyze %s",
		"Na list Roster ne dodajajte drugih stolpcev in ohranite vrstico z naslovi. Shranite kot .xlsx in zaženite: huller analyze %s")
	FormScale = t("Scale",
		"Skala",
		"Lestvica")
	FormScaleLevel = t("Level",
		"Niveau",
		"Raven")
	FormScaleLabel = t("Label",
		"Betegnelse",
		"Oznaka")
	FormScaleDescription = t("Description",
		"Beskrivelse",
		"Opis")
	FormRoles = t("Roles",
		"Roller",
		"Vloge")
	FormRoleID = t("Role (id)",
		"Rolle (id)",
		"Vloga (id)")
	FormRoleName = t("Name",
		"Navn",
		"Ime")
	FormRoleProfiles = t("Expected profiles",
		"Forventede profiler",
		"Pričakovani profili")
	FormProfiles = t("Profiles",
		"Profiler",
		"Profili")
	FormProfileID = t("Profile (id)",
		"Profil (id)",
		"Profil (id)")
	FormProfileName = t("Name",
		"Navn",
		"Ime")
	FormProfileFocus = t("Focus",
		"Fokus",
		"Poudarek")
	FormLevelPrompt = t("Level",
		"Niveau",
		"Raven")
	FormLevelError = t("Pick a level from the list. Type -, n/a or ? when the competence has not been assessed.",
		"Vælg et niveau fra listen. Skriv -, n/a eller ? hvis kompetencen ikke er vurderet.",
		"Izberite raven s seznama. Če kompetenca ni ocenjena, vpišite -, n/a ali ?.")
	FormRoleError = t("Pick a role from the list (or a role of the Requirements sheet).",
		"Vælg en rolle fra listen (eller en rolle fra arket Requirements).",
		"Izberite vlogo s seznama (ali vlogo z lista Requirements).")
	FormGroupComment = t("Optional: a level here applies to every competence of the group left blank.",
		"Valgfri: et niveau her gælder for alle kompetencer i gruppen, der står tomme.",
		"Neobvezno: raven tukaj velja za vse kompetence skupine, ki ostanejo prazne.")
	FormIndicators = t("Indicators:",
		"Indikatorer:",
		"Kazalniki:")
	FormRoleComment = t("The role's id, e.g.: ",
		"Rollens id, fx: ",
		"Id vloge, npr.: ")
	FormProfilesComment = t("Profile ids, separated by commas: ",
		"Profilernes id, adskilt med komma: ",
		"Id-ji profilov, ločeni z vejico: ")
	FormNameComment = t("The person's name (required).",
		"Medarbejderens navn (skal udfyldes).",
		"Ime osebe (obvezno).")
	FormIDComment = t("Employee number or initials (optional); tells two people of the same name apart.",
		"Medarbejdernummer eller initialer (valgfrit); skiller to personer med samme navn ad.",
		"Šifra ali začetnice (neobvezno); loči dve osebi z enakim imenom.")
	FormTeamComment = t("Team or unit (optional).",
		"Team eller afdeling (valgfrit).",
		"Tim ali enota (neobvezno).")
)
