package spreadsheet

import (
	"bytes"
	"io"
	"unicode/utf16"
)

var (
	zipMagic      = []byte("PK\x03\x04")
	zipEmptyMagic = []byte("PK\x05\x06")
	oleMagic      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniff recognises a file from its first bytes: an xlsx candidate (a zip),
// CSV text, or something to refuse with a message saying what it is.
func sniff(name string, head []byte) (Format, error) {
	refuse := func(msg string) (Format, error) {
		return 0, &Error{Pos: Pos{File: name}, Msg: msg, Err: ErrNotSpreadsheet}
	}
	switch {
	case len(head) == 0:
		return 0, &Error{Pos: Pos{File: name}, Msg: "is empty: there is no roster in it"}
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, zipEmptyMagic):
		return XLSX, nil
	case bytes.HasPrefix(head, oleMagic):
		return 0, oleError(name, head)
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return CSV, nil // UTF-16 text with a BOM
	}
	text := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	// Signatures first: an image's or PDF's first 8 KB need not hold a
	// zero byte, and CSV text never starts like these.
	switch {
	case bytes.HasPrefix(text, []byte("%PDF-")):
		return refuse("is a PDF document, not a spreadsheet; export the roster from its source as .xlsx or CSV")
	case bytes.HasPrefix(text, []byte("\x89PNG\r\n\x1a\n")), bytes.HasPrefix(text, []byte("\xFF\xD8\xFF")),
		bytes.HasPrefix(text, []byte("GIF87a")), bytes.HasPrefix(text, []byte("GIF89a")):
		return refuse("is an image, not a spreadsheet; give an .xlsx workbook or a CSV file")
	}
	if bytes.IndexByte(text, 0) >= 0 {
		if utf16Order(text) != 0 {
			return CSV, nil
		}
		return refuse("is not a spreadsheet (it holds binary data); give an .xlsx workbook or a CSV file")
	}
	lower := bytes.ToLower(bytes.TrimSpace(text))
	switch {
	case bytes.HasPrefix(lower, []byte("{\\rtf")):
		return refuse("is an RTF document, not a spreadsheet")
	case bytes.HasPrefix(lower, []byte("<")):
		switch {
		case bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
			return refuse("is an Excel 2003 XML spreadsheet; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook)")
		case bytes.Contains(lower, []byte("<html")), bytes.Contains(lower, []byte("<table")),
			bytes.HasPrefix(lower, []byte("<!doctype html")):
			return refuse("is an HTML page, not a spreadsheet (some systems export HTML under an .xls name); open it in Excel and save it as .xlsx")
		case bytes.HasPrefix(lower, []byte("<?xml")):
			return refuse("is an XML file, not a spreadsheet; give an .xlsx workbook or a CSV file")
		}
	}
	if binaryText(text) {
		return refuse("is not a spreadsheet (it holds binary data); give an .xlsx workbook or a CSV file")
	}
	return CSV, nil
}

// binaryText reports whether text has control characters that no CSV file
// has (tab, CR, LF and form feed aside).
func binaryText(text []byte) bool {
	bad := 0
	for _, b := range text {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' {
			bad++
		}
	}
	return bad > 0 && bad*100 >= len(text) // more than 1%: not text
}

// utf16Order guesses BOM-less UTF-16 from where the zero bytes are: 1 for
// little endian ("a\x00b\x00"), 2 for big endian, 0 for neither.
func utf16Order(b []byte) int {
	if len(b) < 4 {
		return 0
	}
	n := len(b) &^ 1
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*8 && even*10 < half:
		return 1
	case even*10 >= half*8 && odd*10 < half:
		return 2
	}
	return 0
}

// oleError explains an OLE compound file: an encrypted (password-protected)
// workbook, or an Excel 97–2003 .xls.
func oleError(name string, head []byte) error {
	has := func(s string) bool { return bytes.Contains(head, utf16le(s)) }
	switch {
	case has("EncryptedPackage"), has("EncryptionInfo"):
		return &Error{Pos: Pos{File: name}, Err: ErrEncrypted,
			Msg: "is password-protected, and huller does not read encrypted workbooks; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again"}
	case has("Workbook"), has("Book"):
		return &Error{Pos: Pos{File: name}, Err: ErrNotSpreadsheet,
			Msg: "is an Excel 97–2003 workbook (.xls), which huller does not read; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV"}
	}
	return &Error{Pos: Pos{File: name}, Err: ErrNotSpreadsheet,
		Msg: "is an old-style Office file or a password-protected workbook, which huller does not read; save it as .xlsx (Excel Workbook, without a password) or CSV"}
}

func utf16le(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	return b
}

// oleHead reads up to limit bytes of an OLE file so that oleError can find
// the stream names wherever the directory lies.
func oleHead(r io.ReaderAt, size int64, limit int64) []byte {
	n := min(size, limit)
	b := make([]byte, n)
	m, _ := r.ReadAt(b, 0)
	return b[:m]
}
