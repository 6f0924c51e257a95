package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/huller/huller/pkg/limits"
)

// smallPart bounds the XML parts read whole that are small in any real
// workbook: the workbook, its relationships and the custom properties.
const smallPart = limits.SmallPart

// maxColumns is Excel's column limit (XFD).
const maxColumns = limits.Columns

// zipFile is a part of a workbook.
type zipFile = zip.File

type sheetEntry struct {
	Sheet
	path string // zip part, e.g. xl/worksheets/sheet1.xml
}

// xlsxFile is an opened workbook: the zip, its sheets and part names. Sheet
// data is streamed from the zip on demand; nothing is extracted to disk.
type xlsxFile struct {
	name      string
	zr        *zip.Reader
	exact     map[string]*zip.File // by name ('\\' read as '/')
	parts     map[string]*zip.File // by lower-case name
	opts      Options
	sheets    []sheetEntry
	sstPath   string
	sst       *sstTable
	sstLoaded bool
	sstErr    error
	merges    map[string][]Range // by sheet part: the merged ranges a complete reading found
	propsPath string
	props     map[string]string
	corePath  string
}

func openXLSX(name string, ra io.ReaderAt, size int64, opts Options) (*xlsxFile, error) {
	fail := func(cause error, format string, args ...any) error {
		return &Error{Pos: Pos{File: name}, Msg: fmt.Sprintf(format, args...), Err: cause}
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fail(ErrCorrupt, "is damaged: it starts like an xlsx workbook (a zip file) but cannot be opened as one (%v)", err)
	}
	if len(zr.File) > 100000 {
		return nil, fail(ErrTooLarge, "holds %d parts, far more than any workbook; this is not a normal xlsx file", len(zr.File))
	}
	x := &xlsxFile{name: name, zr: zr, opts: opts, exact: make(map[string]*zip.File, len(zr.File)), parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		total += min(f.UncompressedSize64, 1<<62)
		n := strings.ReplaceAll(f.Name, "\\", "/")
		key := strings.ToLower(n)
		if prev, dup := x.parts[key]; dup {
			if prev.Name == f.Name {
				return nil, fail(ErrCorrupt, "holds the part %s twice; programs differ in which one they read, so huller reads neither: open the workbook in Excel or LibreOffice and save it again", quotePart(f.Name))
			}
			how := "in case"
			if strings.ContainsRune(prev.Name+f.Name, '\\') {
				how = `in case or in \ for /`
			}
			return nil, fail(ErrCorrupt, "holds two parts whose names differ only %s, %s and %s, which are the same part to Excel; programs differ in which one they read, so huller reads neither: open the workbook in Excel or LibreOffice and save it again",
				how, quotePart(prev.Name), quotePart(f.Name))
		}
		x.parts[key], x.exact[n] = f, f
		if err := x.checkRatio(f); err != nil {
			return nil, err
		}
	}
	if total > uint64(opts.MaxUnzipSize) {
		return nil, fail(ErrTooLarge, "would unpack to %s, more than the limit of %s; this is not a normal workbook (a zip bomb?)",
			sizeString(int64(total)), sizeString(opts.MaxUnzipSize))
	}
	rootRels, err := x.rels("_rels/.rels")
	if err != nil {
		return nil, err
	}
	wbPath := "xl/workbook.xml"
	for _, r := range rootRels {
		switch {
		case strings.HasSuffix(r.typ, "/officeDocument"):
			wbPath = r.target
		case strings.HasSuffix(r.typ, "/custom-properties"):
			x.propsPath = r.target
		case strings.HasSuffix(r.typ, "/core-properties"):
			x.corePath = r.target
		}
	}
	if x.propsPath == "" {
		x.propsPath = "docProps/custom.xml"
	}
	if x.corePath == "" {
		x.corePath = "docProps/core.xml"
	}
	if x.part(wbPath) == nil {
		return nil, x.notWorkbook()
	}
	if err := x.readWorkbook(wbPath); err != nil {
		return nil, err
	}
	return x, nil
}

// notWorkbook explains a zip file that is not an xlsx workbook.
func (x *xlsxFile) notWorkbook() error {
	msg := "is a zip archive, not an xlsx workbook; give an .xlsx workbook or a CSV file"
	if f := x.part("mimetype"); f != nil {
		b, _ := x.readSmall(f)
		switch mt := string(bytes.TrimSpace(b)); {
		case mt == "application/vnd.oasis.opendocument.spreadsheet":
			msg = "is an OpenDocument spreadsheet (.ods), which huller does not read; save it as .xlsx (Excel 2007-365) or CSV"
		case strings.HasPrefix(mt, "application/vnd.oasis.opendocument"):
			msg = "is an OpenDocument file, not a spreadsheet"
		}
	}
	switch {
	case x.part("word/document.xml") != nil:
		msg = "is a Word document, not a spreadsheet"
	case x.part("ppt/presentation.xml") != nil:
		msg = "is a PowerPoint presentation, not a spreadsheet"
	}
	return &Error{Pos: Pos{File: x.name}, Msg: msg, Err: ErrNotSpreadsheet}
}

// part returns the zip entry of a part: the one of exactly that name, else
// the one whose name differs only in case (part names are case-insensitive
// in a workbook, and openXLSX refuses two that collide).
func (x *xlsxFile) part(name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	if f, ok := x.exact[name]; ok {
		return f
	}
	return x.parts[strings.ToLower(name)]
}

// checkRatio refuses a large part that inflates far more than any real
// sheet does: the time to read a workbook stays proportional to its size.
func (x *xlsxFile) checkRatio(f *zip.File) error {
	size := f.UncompressedSize64
	if size <= limits.RatioFloor || size/max(f.CompressedSize64, 1) <= uint64(x.opts.MaxRatio) {
		return nil
	}
	return &Error{Pos: Pos{File: x.name}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("part %s would unpack to %s from %s, %d times its size, where real workbooks stay under %d times; this is not a normal workbook (a zip bomb?)",
			quotePart(f.Name), sizeString(int64(min(size, 1<<62))), sizeString(int64(min(f.CompressedSize64, 1<<62))),
			size/max(f.CompressedSize64, 1), x.opts.MaxRatio)}
}

// quotePart shows a part name as it is when it is plain, quoted otherwise.
func quotePart(name string) string {
	for _, r := range name {
		if r <= ' ' || r == '"' || r >= 0x7f {
			return strconv.Quote(name)
		}
	}
	return name
}

// readSmall reads a small part whole.
func (x *xlsxFile) readSmall(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > smallPart {
		return nil, &Error{Pos: Pos{File: x.name}, Err: ErrTooLarge,
			Msg: fmt.Sprintf("part %s is %s, far larger than in any workbook; this is not a normal xlsx file", f.Name, sizeString(int64(f.UncompressedSize64)))}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, x.corrupt(f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, x.corrupt(f.Name, err)
	}
	return b, nil
}

func (x *xlsxFile) corrupt(part string, err error) error {
	if isEncodingError(err) {
		return x.encodingError(part, err)
	}
	return &Error{Pos: Pos{File: x.name}, Err: ErrCorrupt,
		Msg: fmt.Sprintf("is damaged: part %s cannot be read (%v); open it in Excel, let Excel repair it and save it again", part, err)}
}

type rel struct{ id, typ, target string }

// rels reads a relationships part; targets are resolved to part names.
func (x *xlsxFile) rels(name string) ([]rel, error) {
	f := x.part(name)
	if f == nil {
		return nil, nil
	}
	b, err := x.readSmall(f)
	if err != nil {
		return nil, err
	}
	// The source part of _rels/foo.xml.rels is foo.xml in the folder above.
	base := path.Dir(path.Dir(name))
	var out []rel
	d := newDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, x.corrupt(name, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		var r rel
		external := false
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Id":
				r.id = a.Value
			case "Type":
				r.typ = a.Value
			case "Target":
				r.target = a.Value
			case "TargetMode":
				external = strings.EqualFold(a.Value, "External")
			}
		}
		if external {
			continue
		}
		if strings.HasPrefix(r.target, "/") {
			r.target = strings.TrimPrefix(r.target, "/")
		} else {
			r.target = path.Join(base, r.target)
		}
		out = append(out, r)
	}
}

// readWorkbook reads the sheet list and the shared-string table's name.
func (x *xlsxFile) readWorkbook(wbPath string) error {
	f := x.part(wbPath)
	b, err := x.readSmall(f)
	if err != nil {
		return err
	}
	dir := path.Dir(wbPath)
	relsPath := path.Join(dir, "_rels", path.Base(wbPath)+".rels")
	rels, err := x.rels(relsPath)
	if err != nil {
		return err
	}
	byID := map[string]rel{}
	for _, r := range rels {
		byID[r.id] = r
		if strings.HasSuffix(r.typ, "/sharedStrings") {
			x.sstPath = r.target
		}
	}
	d := newDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return x.corrupt(wbPath, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			continue
		}
		var s sheetEntry
		var rid string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "name":
				s.Name = a.Value
			case "state":
				s.Hidden = a.Value == "hidden" || a.Value == "veryHidden"
			case "id":
				if a.Name.Space != "" {
					rid = a.Value
				}
			}
		}
		r, ok := byID[rid]
		if !ok {
			continue // a sheet without a part: nothing to read
		}
		s.path = r.target
		s.Chart = !strings.HasSuffix(r.typ, "/worksheet")
		x.sheets = append(x.sheets, s)
	}
	if x.sstPath == "" && x.part("xl/sharedStrings.xml") != nil {
		x.sstPath = "xl/sharedStrings.xml"
	}
	if len(x.sheets) == 0 {
		return &Error{Pos: Pos{File: x.name}, Msg: "has no worksheets"}
	}
	return nil
}

func (x *xlsxFile) properties() (map[string]string, error) {
	if x.props != nil {
		return x.props, nil
	}
	x.props = map[string]string{}
	f := x.part(x.propsPath)
	if f == nil {
		return x.props, nil
	}
	b, err := x.readSmall(f)
	if err != nil {
		return nil, err
	}
	x.props = parseCustomProps(b)
	return x.props, nil
}

// parseCustomProps reads docProps/custom.xml: <property name="…"><vt:lpwstr>…
func parseCustomProps(b []byte) map[string]string {
	props := map[string]string{}
	d := newDecoder(bytes.NewReader(b))
	name := ""
	depth := 0
	var val []byte
	for {
		tok, err := d.RawToken()
		if err != nil {
			return props
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "property" {
				name, depth, val = "", 0, val[:0]
				for _, a := range t.Attr {
					if a.Name.Local == "name" {
						name = a.Value
					}
				}
			} else if name != "" {
				depth++
			}
		case xml.EndElement:
			if t.Name.Local == "property" {
				if name != "" {
					props[name] = string(val)
				}
				name = ""
			} else if depth > 0 {
				depth--
			}
		case xml.CharData:
			if name != "" && depth > 0 {
				val = append(val, t...)
			}
		}
	}
}

func (x *xlsxFile) rows(sheet string) (*xlsxRows, error) {
	var s *sheetEntry
	for i := range x.sheets {
		if x.sheets[i].Name == sheet {
			s = &x.sheets[i]
			break
		}
	}
	if s == nil {
		for i := range x.sheets {
			if strings.EqualFold(strings.TrimSpace(x.sheets[i].Name), strings.TrimSpace(sheet)) {
				s = &x.sheets[i]
				break
			}
		}
	}
	if s == nil {
		names := make([]string, len(x.sheets))
		for i, s := range x.sheets {
			names[i] = strconv.Quote(s.Name)
		}
		return nil, &Error{Pos: Pos{File: x.name}, Msg: fmt.Sprintf("has no sheet %q (its sheets: %s)", sheet, strings.Join(names, ", "))}
	}
	if s.Chart {
		return nil, &Error{Pos: Pos{File: x.name, Sheet: s.Name}, Msg: "is a chart sheet, not a table of cells"}
	}
	f := x.part(s.path)
	if f == nil {
		return nil, &Error{Pos: Pos{File: x.name, Sheet: s.Name}, Err: ErrCorrupt,
			Msg: fmt.Sprintf("is missing from the workbook (no part %s); the file is damaged", s.path)}
	}
	if err := x.loadSST(); err != nil {
		return nil, err
	}
	tok, stream, closer, err := x.openTokens(f)
	if err != nil {
		return nil, err
	}
	r := &xlsxRows{
		file: x.name, sheet: s.Name, part: f.Name, partSize: int64(min(f.UncompressedSize64, 1<<40)),
		tok: tok, stream: stream, closer: closer, sst: x.sst, opts: x.opts,
		remember: func(rs []Range) {
			if x.merges == nil {
				x.merges = map[string][]Range{}
			}
			x.merges[f.Name] = rs
		},
	}
	r.bt, _ = tok.(*byteTokenizer)
	if known, ok := x.merges[f.Name]; ok {
		r.known = true
		r.merges = make([]mergeState, len(known))
		for i, m := range known {
			r.merges[i] = mergeState{Range: m, order: i}
		}
	}
	return r, nil
}

// guardReader bounds the tokens of a part's XML as they stream by, before
// any reader holds them: it fails when more than max bytes come between
// two '<' (a token that big is no spreadsheet content) or inside a
// processing instruction (<?…?>, which may hold '<'). It reads into a
// buffer of its own and passes on exactly the bytes before the one that
// breaks a limit, then fails, whatever the sizes of its reads and of its
// caller's (it keeps back a last '?' inside an instruction until it sees
// whether '>' follows), so that every reader of the part meets the error
// at the same place.
type guardReader struct {
	r          io.Reader
	max, run   int
	pi         bool // inside a processing instruction, after "<?"
	piLen      int  // bytes of the instruction so far
	lt         bool // the bytes checked last end with a '<' outside an instruction
	file, part string

	buf             []byte
	off, ready, end int   // buf[off:ready] checked, to pass on; buf[ready:end] read, not yet checked
	rerr            error // r's error after buf[:end]
	err             error // the limit passed after buf[:ready]
	empty           int   // reads in a row that gave nothing
}

func (g *guardReader) Read(p []byte) (int, error) {
	for g.off == g.ready {
		switch {
		case g.err != nil:
			return 0, g.err
		case g.rerr != nil && g.ready == g.end:
			return 0, g.rerr
		}
		g.fill()
	}
	n := copy(p, g.buf[g.off:g.ready])
	g.off += n
	return n, nil
}

// fill reads more and checks it.
func (g *guardReader) fill() {
	if g.buf == nil {
		// Reads of at most max bytes: a run between two '<' within one
		// read is shorter than max, so only runs across reads need counting.
		g.buf = make([]byte, max(min(g.max, 64<<10), 2))
	}
	if g.rerr == nil {
		n := copy(g.buf, g.buf[g.ready:g.end])
		g.off, g.ready, g.end = 0, 0, n
		m, err := g.r.Read(g.buf[n:])
		g.end += m
		g.rerr = err
		if g.empty = g.empty + 1; m > 0 {
			g.empty = 0
		} else if g.empty > 100 && err == nil {
			g.rerr = io.ErrNoProgress
		}
	}
	// A last '?' may end an instruction ("?>"), and then is not part of
	// it: it waits for what follows, unless the stream has ended or it is
	// outside an instruction.
	end := g.end
	hold := g.rerr == nil && end > g.ready && g.buf[end-1] == '?'
	if hold {
		end--
	}
	if g.check(end) && hold && !g.pi {
		g.check(end + 1)
	}
}

// check checks buf[ready:end]; it sets err, and ready to where the limit
// is passed, when it is.
func (g *guardReader) check(end int) bool {
	seg := g.buf[g.ready:end]
	c1, c2 := g.runs(seg), g.instructions(seg)
	switch {
	case c2 >= 0 && (c1 < 0 || c2 < c1):
		g.ready, g.err = g.ready+c2, g.failPI()
		return false
	case c1 >= 0:
		g.ready, g.err = g.ready+c1, g.fail()
		return false
	}
	g.ready = end
	return true
}

// runs counts the bytes between '<' and returns where the limit is passed,
// or -1.
func (g *guardReader) runs(seg []byte) int {
	k := bytes.IndexByte(seg, '<')
	if k < 0 {
		k = len(seg)
	}
	if g.run+k > g.max {
		return g.max - g.run
	}
	if k == len(seg) {
		g.run += k
	} else {
		g.run = len(seg) - 1 - bytes.LastIndexByte(seg, '<')
	}
	return -1
}

// instructions counts the bytes of processing instructions and returns
// where the limit is passed, or -1.
func (g *guardReader) instructions(seg []byte) int {
	if len(seg) == 0 {
		return -1
	}
	i := 0
	if g.lt && !g.pi && seg[0] == '?' { // "<?" across two checks
		g.pi, g.piLen, i = true, 0, 1
	}
	defer func() { g.lt = !g.pi && seg[len(seg)-1] == '<' }()
	// '?' is rare in a sheet: look for it, then at its neighbours.
	for i < len(seg) {
		k := bytes.IndexByte(seg[i:], '?')
		if !g.pi {
			if k < 0 {
				return -1
			}
			j := i + k
			if j > i && seg[j-1] == '<' {
				g.pi, g.piLen = true, 0
			}
			i = j + 1
			continue
		}
		end := len(seg)
		for k >= 0 {
			if j := i + k; j+1 < len(seg) && seg[j+1] == '>' {
				end = j
				break
			}
			if k2 := bytes.IndexByte(seg[i+k+1:], '?'); k2 >= 0 {
				k += k2 + 1
			} else {
				k = -1
			}
		}
		if g.piLen+end-i > g.max {
			return i + g.max - g.piLen
		}
		g.piLen += end - i
		if end == len(seg) {
			return -1
		}
		g.pi, i = false, end+2
	}
	return -1
}

func (g *guardReader) failPI() error {
	return &Error{Pos: Pos{File: g.file}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("holds a processing instruction (<?…?>) of more than %s in part %s; this is not a normal workbook", sizeString(int64(g.max)), g.part)}
}

func (g *guardReader) fail() error {
	return &Error{Pos: Pos{File: g.file}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("holds more than %s of XML without a tag in part %s; this is not a normal workbook (a zip bomb?)", sizeString(int64(g.max)), g.part)}
}

func sizeString(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// unescapeOOXML decodes the _xHHHH_ escapes Excel writes for control
// characters in strings (e.g. _x000D_ for a carriage return).
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return string(appendUnescaped(nil, []byte(s)))
}

// appendUnescaped appends s with its _xHHHH_ escapes decoded.
func appendUnescaped(dst, s []byte) []byte {
	if !bytes.Contains(s, []byte("_x")) {
		return append(dst, s...)
	}
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if v, ok := hex4(s[i+2 : i+6]); ok {
				dst = utf8.AppendRune(dst, rune(v))
				i += 7
				continue
			}
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}

// hex4 reads four hexadecimal digits.
func hex4(b []byte) (uint16, bool) {
	var v uint16
	for _, c := range b {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}
