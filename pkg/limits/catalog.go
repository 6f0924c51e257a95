package limits

// Course catalogs (YAML or a spreadsheet) and development plans.
const (
	// CatalogFile caps a catalog YAML file: a real catalog of a few hundred
	// courses is well under 1 MiB.
	CatalogFile = 4 << 20
	// CatalogNodes caps the YAML nodes a catalog file may expand to,
	// aliases included.
	CatalogNodes = 200_000
	// Courses caps the courses of one catalog: a municipality's whole
	// offer is a few hundred.
	Courses = 10_000
	// CourseEffects caps the competences one course develops (groups
	// expanded to their leaves count once each).
	CourseEffects = 1_000
	// CatalogRows caps the rows of a catalog spreadsheet (one row per
	// course and competence).
	CatalogRows = 1_000_000
)
