package limits

// Tables: what the spreadsheet reader accepts in a sheet or CSV file, and
// the roster reader in a roster.

// Sheets and cells (xlsx and CSV).
const (
	// Rows is the most rows a sheet holds (Excel's limit, row 1,048,576). A
	// workbook whose sheet has more is refused as it is read: such a sheet
	// comes from no spreadsheet program, and rows of tags are cheap to
	// compress (a 10 MB file can hold 3.8 GiB of them).
	Rows = 1 << 20
	// Columns is the most columns a sheet holds (Excel's limit, column
	// XFD), and the most fields a CSV record may have.
	Columns = 1 << 14
	// CellText is the most characters a cell holds (Excel's limit): a
	// longer cell, shared string or CSV field is refused. A name, id, team
	// or level is a cell.
	CellText = 32767
	// SheetCells bounds the cells of a sheet's rows as they are handed on,
	// counting the blank cells before a row's last cell and the cells a
	// merged range fills: 1,048,576 rows of 512 cells. A cell reference
	// such as XFD7 makes a row 16,384 cells wide from a few bytes, so
	// without this bound a small sheet could cost billions of steps.
	SheetCells = 1 << 29
	// MergedRanges bounds the merged ranges of a sheet. A roster merges a
	// few title and header cells, or a team's cell over its members.
	MergedRanges = 1 << 20
)

// Shared strings (xlsx): the table of texts a workbook saved by Excel keeps
// all its text in, read whole before the sheet.
const (
	// SharedStrings bounds the entries of the shared-string table. A
	// roster of 1,048,576 persons needs a few per person (name, id, notes);
	// 53 million empty entries fit in a 387 KB file.
	SharedStrings = 8 << 20
	// SharedStringBytes bounds the memory the shared-string table takes:
	// its text plus 16 bytes for each entry.
	SharedStringBytes = 256 << 20
)

// CSV.
const (
	// CSVRecord bounds the bytes of a CSV record (a line, or several when
	// a quoted field holds line breaks): a roster's record is a few KB, and
	// a header of 16,384 columns of 200 characters about 3 MB.
	CSVRecord = 4 << 20
)

// Rosters.
const (
	// Persons bounds the persons of a roster: as many as a sheet has rows
	// (a CSV file could have more).
	Persons = Rows
	// RosterLevels bounds the levels a roster keeps, one byte for each
	// person and competence column: 1,048,576 persons × 512 competences.
	RosterLevels = 1 << 29
	// LongLevels bounds the levels of a roster in the long layout (one row
	// per person and competence), kept as rows of 40 bytes (with a date and
	// an assessor) until the end: 1,048,576 persons × 8 competences, or
	// 100,000 × 83.
	LongLevels = 1 << 23
	// RequirementsFile bounds a YAML requirements file: a few hundred roles
	// of a few hundred levels take a few MB.
	RequirementsFile = 16 << 20
)
