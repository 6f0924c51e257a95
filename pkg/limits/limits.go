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

// Frameworks (YAML). A real framework has a few dozen to a few hundred
// competences (the built-ins: fewer than 100 scored competences, under
// 100 KiB each); the limits leave room for a hundred times that and stop a
// hostile or broken file before it costs more than a few hundred megabytes
// or a second.
const (
	// FrameworkFile caps a framework file: a real one is a few hundred KiB
	// at most.
	FrameworkFile = 4 << 20
	// FrameworkYAMLNodes caps the YAML values a framework file may expand
	// to, each alias expansion counted again: a "billion laughs" file
	// expands to billions, while a real framework has about one value per
	// 25 bytes (160,000 in 4 MiB). Reading one costs a few hundred bytes,
	// so the cap keeps any file under about 100 MB of work.
	FrameworkYAMLNodes = 500_000
	// FrameworkNodes caps the groups, competences and profiles of one
	// framework (after extends): 10,000 is a hundred times the largest
	// source document, and still fits a roster template's columns.
	FrameworkNodes = 10_000
	// FrameworkDepth caps how deep items nest below a basis group or a
	// profile, the group counted as 1: the sources use 3.
	FrameworkDepth = 10
	// FrameworkRoles caps the roles of one framework.
	FrameworkRoles = 1_000
	// FrameworkExtends caps the chain of frameworks extending each other.
	FrameworkExtends = 10
	// ScaleMaxLevel is the highest level a scale may have (levels run from
	// 0): rosters keep one signed byte per person and competence, and no
	// real scale has more than a dozen steps.
	ScaleMaxLevel = 100
	// FrameworkID caps an id (framework, node, role) in bytes: the longest
	// built-in id has 33.
	FrameworkID = 100
	// FrameworkName caps a name, label, title or focus line in characters:
	// names head table columns.
	FrameworkName = 500
	// FrameworkText caps any other text (a description, statement, note or
	// indicator) in characters: Excel holds 32,767 in a cell, and the
	// longest source paragraph has about 1,000.
	FrameworkText = 20_000
	// ProfileSpecialists caps how many persons a profile may ask to fit
	// it: no roster has more rows than a sheet (1,048,576).
	ProfileSpecialists = 1 << 20
)

// Keys (pseudonyms).
const (
	// KeyFile caps a --key-file: a key is a few dozen bytes.
	KeyFile = 64 << 10
)
