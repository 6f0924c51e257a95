package roster

import (
	"strings"

	"github.com/huller/huller/pkg/internal/spreadsheet"
)

// Recorded framework: `huller template` writes these custom document
// properties into the workbook, and Read and RecordedFramework read them.
const (
	// PropFramework holds the framework id.
	PropFramework = "HullerFramework"
	// PropFrameworkFile holds the framework's file path (absolute), when the
	// template was made from a file rather than a built-in framework.
	PropFrameworkFile = "HullerFrameworkFile"
)

// FrameworkRef is the framework a workbook was made for.
type FrameworkRef struct {
	ID   string // the framework id
	File string // its file, when made from a file; "" for a built-in
}

// String is the reference to load: the file when there is one, else the id.
func (r FrameworkRef) String() string {
	if r.File != "" {
		return r.File
	}
	return r.ID
}

// IsZero reports whether nothing was recorded.
func (r FrameworkRef) IsZero() bool { return r.ID == "" && r.File == "" }

// RecordedFramework returns the framework recorded in a workbook made by
// `huller template`, reading only the workbook's properties (not its
// sheets), so that a command can choose the framework before reading the
// roster. It returns a zero FrameworkRef for CSV, for "-" and for
// workbooks without the record.
func RecordedFramework(path string) (FrameworkRef, error) {
	if path == "-" || path == "" {
		return FrameworkRef{}, nil
	}
	f, err := spreadsheet.Open(spreadsheet.Source{Path: path}, spreadsheet.Options{})
	if err != nil {
		return FrameworkRef{}, err
	}
	defer f.Close()
	return recordedIn(f)
}

func recordedIn(f *spreadsheet.File) (FrameworkRef, error) {
	var ref FrameworkRef
	id, _, err := f.Property(PropFramework)
	if err != nil {
		return ref, err
	}
	file, _, err := f.Property(PropFrameworkFile)
	if err != nil {
		return ref, err
	}
	ref.ID, ref.File = strings.TrimSpace(id), strings.TrimSpace(file)
	return ref, nil
}
