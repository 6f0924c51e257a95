package spreadsheet

import (
	"fmt"
	"io"
	"os"
)

// spoolFile is a workbook copied from a stream into a temporary file, so
// that the zip can be read at random like a file. The file is removed as
// soon as it is created (where the system allows an open file to be
// removed; elsewhere when it is closed), so nothing is left behind whatever
// happens to the process.
type spoolFile struct {
	*os.File
	path string // still to remove on Close; "" when removed
}

// spool copies r to a temporary file, refusing more than limit bytes.
func spool(name string, r io.Reader, limit int64) (*spoolFile, int64, error) {
	f, err := os.CreateTemp("", "huller-input-*.xlsx")
	if err != nil {
		return nil, 0, &Error{Pos: Pos{File: name}, Err: err,
			Msg: fmt.Sprintf("cannot keep the workbook from standard input in a temporary file (%v); give its file name instead", err)}
	}
	sp := &spoolFile{File: f}
	if os.Remove(f.Name()) != nil {
		sp.path = f.Name()
	}
	n, err := io.Copy(f, io.LimitReader(r, limit+1))
	if err != nil {
		sp.Close()
		return nil, 0, fileError(name, err)
	}
	if n > limit {
		sp.Close()
		return nil, 0, &Error{Pos: Pos{File: name}, Err: ErrTooLarge,
			Msg: fmt.Sprintf("workbook on standard input is larger than %s; give its file name instead", sizeString(limit))}
	}
	return sp, n, nil
}

// Close closes the file and removes it if it is still there.
func (s *spoolFile) Close() error {
	err := s.File.Close()
	if s.path != "" {
		_ = os.Remove(s.path)
		s.path = ""
	}
	return err
}
