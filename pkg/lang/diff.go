package lang

// Assessment dates and assessors, and `huller diff`: two mappings of the
// same unit compared.
var (
	AssessedOn = t("Assessed", "Vurderet", "Ocenjeno")
	AssessedBy = t("Assessed by", "Vurderet af", "Ocenjevalec")
)
