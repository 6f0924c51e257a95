package privacy

// The custom document properties with which huller's workbooks say who
// they were made for and what they hold of persons; `huller inspect` reads
// them.
const (
	// PropReport says what a workbook is: "report", "talk", "aggregate",
	// "units", "plan" or "diff".
	PropReport = "HullerReport"
	// PropAudience is "leader", "committee" or "person".
	PropAudience = "HullerAudience"
	// PropMode is "named", "pseudonymised" or "aggregate".
	PropMode = "HullerMode"
	// PropPseudonyms is "keyed", "numbered" or "" (none).
	PropPseudonyms = "HullerPseudonyms"
	// PropMinCell is the least number of persons a figure of an aggregate
	// report is shown for.
	PropMinCell = "HullerMinCell"
	// PropComments is the digest of the texts of the cell comments huller
	// wrote (spreadsheet.CommentsDigest): inspect tells huller's own
	// comments by it when an application saved them without their author.
	PropComments = "HullerComments"
)
