package lang

// The framework outline (huller frameworks show): its headings, the legend
// that tells the source's words from huller's additions, and the marks.
var (
	OutlineSource       = t("Source", "Kilde", "Vir")
	OutlineExtends      = t("Extends", "Bygger på", "Razširja")
	OutlineScale        = t("Scale", "Skala", "Lestvica")
	OutlineDefaults     = t("Defaults", "Standarder", "Privzeto")
	OutlineDefaultsLine = t("required level %s, profile target %s, profile fit %s",
		"krævet niveau %s, profilmål %s, profil-fit %s",
		"zahtevana raven %s, ciljna raven profila %s, ujemanje s profilom %s")
	OutlineDefaultRequired = t("required level %s", "krævet niveau %s", "zahtevana raven %s")
	OutlineBasis           = t("Basic competences", "Basiskompetencer", "Osnovne kompetence")
	OutlineProfiles        = t("Profiles", "Faglige profiler", "Profili")
	OutlineRoles           = t("Roles", "Roller", "Vloge")
	OutlineTargetGroups    = t("Target groups", "Målgrupper", "Ciljne skupine")
	OutlineGoalTypes       = t("Learning goals", "Læringsmål", "Učni cilji")
	OutlineNotes           = t("Notes", "Noter", "Opombe")
	OutlineFocus           = t("Focus", "Fokus", "Poudarek")
	OutlineRequires        = t("requires", "kræver", "zahteva")
	OutlineExpects         = t("expected profiles", "forventede profiler", "pričakovani profili")
	OutlineLearningGoal    = t("Learning goal", "Læringsmål", "Učni cilj")
	OutlineProfileRules    = t("target level %s", "målniveau %s", "ciljna raven %s")
	OutlineFit             = t("fit %s", "fit %s", "ujemanje %s")
	OutlineNeed            = t("needs %s of %s competences", "kræver %s af %s kompetencer", "zahteva %s od %s kompetenc")
	OutlineSpecialists     = t("specialists %s", "specialister %s", "specialisti %s")
	OutlineForProfile      = t("profile %s", "profil %s", "profil %s")
	OutlineTeaches         = t("can teach others", "kan undervise andre", "lahko uči druge")
	OutlineQuote           = t("“%s”", "»%s«", "»%s«")
	OutlineLegend          = t("Names are the source's words, and %s quotes its full wording where a name shortens it; [huller] marks what huller added: the scale, levels, roles and judgements. Descriptions, indicators and other texts summarise the source in huller's words.",
		"Navnene er kildens ord, og %s citerer dens fulde ordlyd, hvor et navn forkorter den; [huller] markerer det, huller har tilføjet: skalaen, niveauer, roller og vurderinger. Beskrivelser, indikatorer og øvrige tekster gengiver kilden med hullers ord.",
		"Imena so besede vira, %s pa navaja njegovo celotno besedilo, kjer ime to skrajša; [huller] označuje, kar je dodal huller: lestvico, ravni, vloge in presoje. Opisi, kazalniki in druga besedila povzemajo vir z besedami programa huller.")
	OutlineScaleHuller  = t("[huller] defined by huller, not by the source", "[huller] fastlagt af huller, ikke af kilden", "[huller] določil huller, ne vir")
	OutlineLevelsHuller = t("[huller] huller default – adapt locally", "[huller] huller-standard – tilpas lokalt", "[huller] privzeto v programu huller – prilagodite lokalno")
	OutlineRoleHuller   = t("[huller] role defined by huller", "[huller] rolle fastlagt af huller", "[huller] vlogo določil huller")
	OutlineGoalsHuller  = t("The learning goal of each competence is huller's judgement; the source does not assign them.",
		"Læringsmålet ved hver kompetence er hullers vurdering; kilden tildeler dem ikke.",
		"Učni cilj pri vsaki kompetenci je presoja programa huller; vir jih ne dodeljuje.")
	OutlineMethods   = t("methods and techniques", "metoder og teknikker", "metode in tehnike")
	OutlineKnowledge = t("professional knowledge", "faglig viden", "strokovno znanje")
	OutlineRole      = t("knowing one's role", "at kende sin rolle", "poznavanje svoje vloge")
)

// GoalName names a kind of learning goal (a framework's `learning_goals`
// value: methods, knowledge or role) in huller's words; an unknown kind is
// returned as it is.
func (l Lang) GoalName(kind string) string {
	switch kind {
	case "methods":
		return l.T(OutlineMethods)
	case "knowledge":
		return l.T(OutlineKnowledge)
	case "role":
		return l.T(OutlineRole)
	}
	return kind
}
