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

// Saved plans: the JSON `huller plan --format json` writes, read back by
// `huller diff --plan`. A plan of 10,000 persons (77,000 needs) is about
// 22 MB.
const (
	// PlanFile caps a plan file, which is read whole: room for a plan of
	// about 100,000 persons.
	PlanFile = 256 << 20
	// PlanNeeds caps the needs of a plan: 53 competences of 100,000
	// persons have about 770,000.
	PlanNeeds = 2_000_000
	// PlanActivities caps each of a plan's lists of activities (joint
	// activities, colleague pairs, course runs).
	PlanActivities = 1_000_000
)
