package lang

// Sharing reports: who a report is made for, pseudonyms, aggregate reports
// with suppressed figures, and the comparison of several units.
var (
	AudienceLeader    = t("the leader", "lederen", "vodjo")
	AudienceCommittee = t("a committee (MED, TR, HR): no persons", "et udvalg (MED, TR, HR): ingen personer", "odbor (sindikat, kadrovska služba): brez oseb")
	AudiencePerson    = t("the person (development talk)", "medarbejderen (udviklingssamtale)", "osebo (razvojni pogovor)")
	MadeFor           = t("Made for %s", "Lavet til %s", "Pripravljeno za %s")
	ModeNamed         = t("persons named", "personer med navn", "osebe z imeni")
	ModePseudonymised = t("persons shown by pseudonyms", "personer vist med pseudonymer", "osebe prikazane s psevdonimi")
	ModeAggregate     = t("aggregate: no persons; a figure over fewer than %s persons is not shown", "samlet: ingen personer; et tal for færre end %s personer vises ikke", "zbirno: brez oseb; podatek za manj kot %s oseb ni prikazan")
	PseudonymsKeyed   = t("The pseudonyms are made with a key: the same person has the same pseudonym in every report made with it. A pseudonymised report is still personal data: team and role can point to a person.",
		"Pseudonymerne er lavet med en nøgle: samme person har samme pseudonym i alle rapporter lavet med den. En pseudonymiseret rapport er stadig personoplysninger: team og rolle kan pege på en person.",
		"Psevdonimi so narejeni s ključem: ista oseba ima isti psevdonim v vseh poročilih, narejenih z njim. Psevdonimizirano poročilo so še vedno osebni podatki: ekipa in vloga lahko kažeta na osebo.")
	PseudonymsNumbered = t("The pseudonyms are numbered for this report only: the same person may have another number in another report. A pseudonymised report is still personal data: team and role can point to a person.",
		"Pseudonymerne er nummereret for denne rapport alene: samme person kan have et andet nummer i en anden rapport. En pseudonymiseret rapport er stadig personoplysninger: team og rolle kan pege på en person.",
		"Psevdonimi so oštevilčeni samo za to poročilo: ista oseba ima lahko v drugem poročilu drugo številko. Psevdonimizirano poročilo so še vedno osebni podatki: ekipa in vloga lahko kažeta na osebo.")
	AggregateIntro = t("Aggregate report: no person is named or counted alone. A figure over fewer than %s persons, or one from which such a figure could be worked out, is shown as ·. A hole says that a figure is below a threshold, never who.",
		"Samlet rapport: ingen person nævnes eller tælles alene. Et tal for færre end %s personer, eller et tal som et sådant kan regnes ud fra, vises som ·. Et hul siger, at et tal er under en tærskel, aldrig hvem.",
		"Zbirno poročilo: nobena oseba ni imenovana ali šteta posebej. Podatek za manj kot %s oseb ali podatek, iz katerega bi se tak dal izračunati, je prikazan kot ·. Vrzel pove, da je podatek pod pragom, nikoli kdo.")
	SuppressedMark  = t("·", "·", "·")
	SuppressedNote  = t("·: not shown, because it is about fewer than %s persons or would let one work out such a figure.", "·: vises ikke, fordi tallet handler om færre end %s personer eller ville gøre det muligt at regne et sådant tal ud.", "·: ni prikazano, ker gre za manj kot %s oseb ali bi se iz njega dal izračunati tak podatek.")
	FewerThan       = t("fewer than %s", "færre end %s", "manj kot %s")
	WarningsHidden  = t("Not shown here: %s about the roster, which may name persons.", "Vises ikke her: %s om medarbejderfilen, som kan nævne personer.", "Tu ni prikazano: %s o seznamu, ki lahko imenujejo osebe.")
	MinCellL        = t("Least number of persons a figure is shown for", "Mindste antal personer et tal vises for", "Najmanjše število oseb, za katere je podatek prikazan")
	ExpectedNoteFew = t("Some persons are expected to hold a profile only through their role (the profiles column is blank): write their profiles, or \"none\", in the roster.", "Nogle medarbejdere forventes at have en profil alene via deres rolle (kolonnen profiler er tom): skriv deres profiler, eller \"ingen\", i medarbejderfilen.", "Nekatere osebe naj bi profil imele samo prek svoje vloge (stolpec profili je prazen): v seznam vpišite njihove profile ali \"brez\".")
	KindFew         = t("Depends on very few people", "Afhænger af meget få", "Odvisno od zelo malo oseb")
	StatusFew       = t("fewer than %s hold it at the target level", "færre end %s kan den på målniveau", "na ciljni ravni jo obvlada manj kot %s oseb")
	StatusBelow     = t("covered below the threshold (%s)", "dækket under tærsklen (%s)", "pokrita pod pragom (%s)")
	StatusNobody    = t("nobody it is required of is assessed", "ingen med kravet er vurderet", "nihče, od katerega se zahteva, ni ocenjen")
	StatusExpected  = t("%s of %s expected fit it", "%s af %s forventede matcher", "ustreza %s od %s pričakovanih")
	StatusNoneFits  = t("none of those expected and assessed fits it", "ingen af de forventede og vurderede matcher", "ne ustreza nihče od pričakovanih in ocenjenih")
	StatusTooFew    = t("fewer fit it than the %s specialists needed", "færre matcher end de %s nødvendige specialister", "ustreza manj oseb od %s potrebnih specialistov")
	StatusNotYet    = t("some of those expected do not fit it yet", "nogle af de forventede matcher endnu ikke", "nekateri pričakovani še ne ustrezajo")
	StatusNoneSeen  = t("none of those expected is assessed on it", "ingen af de forventede er vurderet på den", "nihče od pričakovanih ni ocenjen")
	BelowText       = t("%s below the requirement", "%s under kravet", "%s pod zahtevo")
	BottlenecksText = t("bottleneck: %s", "flaskehals: %s", "ozko grlo: %s")
	FitsText        = t("%s fit it in the unit", "%s i enheden matcher", "v enoti ustreza %s")
	GroupSmall      = t("%s (fewer than %s persons: no figures)", "%s (færre end %s personer: ingen tal)", "%s (manj kot %s oseb: brez podatkov)")

	// The comparison of several units.
	SheetUnits        = t("Units", "Enheder", "Enote")
	UnitsTitle        = t("%s units measured against %s (%s), each against its own requirements", "%s enheder holdt op mod %s (%s), hver mod sine egne krav", "%s enot, okvir: %s (%s), vsaka glede na lastne zahteve")
	UnitsNote         = t("Units in name order, not ranked: each is measured against its own required levels, so a figure compares a unit with its own requirements, for learning across units.", "Enhederne står i navneorden, ikke rangeret: hver er målt mod sine egne krævede niveauer, så et tal sammenligner en enhed med dens egne krav, til læring på tværs.", "Enote so razvrščene po imenu, ne po uvrstitvi: vsaka je merjena glede na lastne zahtevane ravni, zato podatek primerja enoto z njenimi zahtevami, za učenje med enotami.")
	Unit              = t("Unit", "Enhed", "Enota")
	RequirementsFrom  = t("Required levels from", "Krævede niveauer fra", "Zahtevane ravni iz")
	ReqSheet          = t("Requirements sheet: %s", "arket Requirements: %s", "list Requirements: %s")
	ReqFile           = t("requirements file: %s", "kravfil: %s", "datoteka z zahtevami: %s")
	ReqFramework      = t("framework: %s", "kompetenceramme: %s", "okvir: %s")
	ReqSheetN         = t("Requirements sheet (%s)", "arket Requirements (%s)", "list Requirements (%s)")
	ReqFileN          = t("requirements file (%s)", "kravfil (%s)", "datoteka z zahtevami (%s)")
	ReqFrameworkN     = t("framework (%s)", "kompetenceramme (%s)", "okvir (%s)")
	ProfilesCoveredOf = t("Profiles with enough specialists", "Profiler med nok specialister", "Profili z dovolj specialisti")
	UnitsCoverage     = t("Coverage per unit and basic competence", "Dækning pr. enhed og basiskompetence", "Pokritost po enotah in osnovnih kompetencah")
	UnitsHoles        = t("Holes per unit", "Huller pr. enhed", "Vrzeli po enotah")
	UnitsWarnings     = t("%s: %s", "%s: %s", "%s: %s")
)

// WarningNoun is a warning, counted.
var WarningNoun = Noun{en: [2]string{"warning", "warnings"}, da: [2]string{"advarsel", "advarsler"},
	sl: [4]string{"opozorilo", "opozorili", "opozorila", "opozoril"}}
