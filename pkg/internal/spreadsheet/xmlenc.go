package spreadsheet

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// newDecoder returns an encoding/xml decoder for a workbook part. Workbook
// XML is UTF-8 (Excel, LibreOffice, Google Sheets and openpyxl write
// nothing else); a part that declares another encoding gets an
// *encodingError naming it rather than encoding/xml's remark about its
// CharsetReader.
func newDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	return d
}

// encodingError: a part declares a text encoding huller does not read.
type encodingError struct{ label string }

func (e *encodingError) Error() string { return "text encoding " + strconv.Quote(e.label) }

// charsetReader accepts the declarations that mean UTF-8 or a subset of it.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return r, nil
	}
	return nil, &encodingError{label: label}
}

func isEncodingError(err error) bool {
	var ee *encodingError
	return errors.As(err, &ee)
}

// encodingMessage explains a part in an encoding huller does not read.
func encodingMessage(part string, err error) string {
	var ee *encodingError
	errors.As(err, &ee)
	return fmt.Sprintf("part %s declares the text encoding %q; huller reads workbook XML in UTF-8, as Excel, LibreOffice and Google Sheets write it: open the workbook in one of them and save it again",
		quotePart(part), ee.label)
}

func (x *xlsxFile) encodingError(part string, err error) error {
	return &Error{Pos: Pos{File: x.name}, Err: ErrCorrupt, Msg: encodingMessage(part, err)}
}

// commas formats n with thousands separators: 1048576 → "1,048,576".
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
