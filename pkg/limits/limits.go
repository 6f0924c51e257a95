// Package limits states huller's resource budgets in one place: how much of
// each kind of input huller accepts before it refuses the input with a
// message naming the limit and the place.
//
// The limits are sized so that the largest legitimate input passes — a
// roster of 1,000,000 persons × a few hundred competences, a framework of a
// few thousand competences — and anything beyond is refused early, with
// memory and time bounded by the limit rather than by the input. README.md
// ("Limits") lists them for users; keep the two in step.
package limits

// Workbooks (xlsx).
const (
	// UnzipSize bounds the total uncompressed size a workbook declares.
	// The largest real roster (1,048,576 rows of ~60 cells) has about 2 GB
	// of sheet XML.
	UnzipSize = 4 << 30
	// XMLToken bounds the bytes between two tags of a sheet's XML. Excel's
	// longest cell (32,767 characters) needs at most ~200 KB.
	XMLToken = 1 << 20
	// Input bounds an xlsx workbook read from a stream (standard input),
	// which is buffered in memory.
	Input = 512 << 20
	// Part bounds an XML part read whole (workbook, relationships,
	// properties, the shared-string table, a sheet's column and merge
	// lists).
	Part = 256 << 20
	// SmallPart bounds the parts that are small in every real workbook
	// (workbook, relationships, properties).
	SmallPart = 16 << 20
	// SheetHead bounds the part of a sheet's XML before its data
	// (<sheetPr>, <cols>, …).
	SheetHead = 16 << 20
)

// Frameworks (YAML).
const (
	// FrameworkFile caps a framework file: a real one is a few hundred KiB
	// at most.
	FrameworkFile = 4 << 20
	// FrameworkNodes caps the YAML nodes a framework file may expand to,
	// aliases included (a "billion laughs" file expands to billions).
	FrameworkNodes = 200_000
)

// Keys (pseudonyms).
const (
	// KeyFile caps a --key-file: a key is a few dozen bytes.
	KeyFile = 64 << 10
)
