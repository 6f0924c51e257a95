package spreadsheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

type csvFile struct {
	name  string
	dec   *textDecoder // nil when a BOM decided the encoding
	enc   string       // the encoding when dec is nil, or a BOM note
	text  *bufio.Reader
	delim rune
	used  bool
	hint  int // estimated records, from the file size; 0 when unknown
	opts  Options
}

func (c *csvFile) encoding() string {
	if c.dec == nil {
		return c.enc
	}
	if c.enc != "" && !c.dec.cp1252 {
		return c.enc
	}
	return c.dec.encoding()
}

func openCSV(name string, r io.Reader, size int64, opts Options) (*csvFile, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	c := &csvFile{name: name, opts: opts}
	head, _ := br.Peek(8192)
	even := &evenReader{r: br, name: name}
	var text io.Reader
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		_, _ = br.Discard(3)
		c.dec = newTextDecoder(name, br)
		c.enc = "UTF-8 with BOM"
		text = c.dec
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		c.enc = "UTF-16LE"
		text = transform.NewReader(even, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		c.enc = "UTF-16BE"
		text = transform.NewReader(even, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	case utf16Order(head) == 1:
		c.enc = "UTF-16LE"
		text = transform.NewReader(even, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case utf16Order(head) == 2:
		c.enc = "UTF-16BE"
		text = transform.NewReader(even, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	default:
		c.dec = newTextDecoder(name, br)
		text = c.dec
	}
	c.text = bufio.NewReaderSize(text, 64<<10)
	sample, _ := c.text.Peek(64 << 10)
	c.delim = opts.Delimiter
	if c.delim == 0 {
		c.delim = sniffDelimiter(sample)
	}
	if size > 0 && len(sample) > 0 {
		lines := bytes.Count(sample, []byte{'\n'})
		c.hint = int(min(size*int64(lines+1)/int64(len(sample)), 1<<24))
	}
	switch c.delim {
	case ',', ';', '\t', '|':
	default:
		return nil, fmt.Errorf("table: unsupported CSV delimiter %q", c.delim)
	}
	return c, nil
}

func (c *csvFile) rows() (*csvRows, error) {
	if c.used {
		return nil, &Error{Pos: Pos{File: c.name}, Msg: "a CSV file can be read only once"}
	}
	c.used = true
	r := csv.NewReader(newCSVGuard(c.text, c.name, c.delim, c.opts.MaxRecord, c.opts.MaxFields))
	r.Comma = c.delim
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &csvRows{name: c.name, r: r, hint: c.hint, maxText: c.opts.MaxCellText}, nil
}

// sniffDelimiter picks the delimiter (comma, semicolon or tab) whose count
// outside quotes is the same on the most records of the sample, preferring
// the higher count on a tie (a semicolon file with "Hansen, Anne" names).
func sniffDelimiter(sample []byte) rune {
	cands := [3]byte{',', ';', '\t'}
	var counts [3][]int
	var cur [3]int
	inQuote := false
	records := 0
	flush := func() {
		for k := range cands {
			counts[k] = append(counts[k], cur[k])
			cur[k] = 0
		}
		records++
	}
	for i := 0; i < len(sample) && records < 50; i++ {
		c := sample[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\n':
			flush()
		default:
			for k, d := range cands {
				if c == d {
					cur[k]++
				}
			}
		}
	}
	if records == 0 || cur != [3]int{} {
		flush()
	}
	best, bestFreq, bestMode := ',', 0, 0
	for k, d := range cands {
		mode, freq := modeNonZero(counts[k])
		if freq > bestFreq || (freq == bestFreq && mode > bestMode) {
			best, bestFreq, bestMode = rune(d), freq, mode
		}
	}
	return best
}

// modeNonZero returns the most common non-zero value and how often it occurs.
func modeNonZero(xs []int) (mode, freq int) {
	seen := map[int]int{}
	for _, x := range xs {
		if x == 0 {
			continue
		}
		seen[x]++
		if f := seen[x]; f > freq || (f == freq && x > mode) {
			mode, freq = x, f
		}
	}
	return mode, freq
}

type csvRows struct {
	hint    int
	maxText int
	name    string
	r       *csv.Reader
	rec     []string
	num     int
	e       error
}

func (c *csvRows) next() bool {
	rec, err := c.r.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		c.e = csvError(c.name, err)
		return false
	}
	c.num++
	c.rec = rec
	for i, f := range rec {
		if len(f) > c.maxText && utf8.RuneCountInString(f) > c.maxText {
			line, _ := c.r.FieldPos(i)
			c.e = &Error{Pos: Pos{File: c.name, Line: line, Col: i}, Err: ErrTooLarge,
				Msg: fmt.Sprintf("holds %s characters, more than the %s a cell can hold", commas(int64(utf8.RuneCountInString(f))), commas(int64(c.maxText)))}
			return false
		}
	}
	return true
}

func csvError(name string, err error) error {
	var te *Error
	if errors.As(err, &te) {
		return te
	}
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{Pos: Pos{File: name}, Msg: err.Error(), Err: err}
	}
	pos := Pos{File: name, Line: pe.Line, Col: -1}
	var msg string
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg = fmt.Sprintf("a quote (\") at character %d is inside a field that is not quoted; put the whole field in quotes and double the quote inside (\"\")", pe.Column)
	case errors.Is(pe.Err, csv.ErrQuote):
		if pe.StartLine != pe.Line {
			pos.Line = pe.StartLine
			msg = fmt.Sprintf("a quoted field that starts on this line is still open on line %d; close it with a quote, and double every quote inside it (\"\")", pe.Line)
		} else {
			msg = fmt.Sprintf("the quoted field at character %d is not closed properly (a quote inside a quoted field must be doubled: \"\")", pe.Column)
		}
	default:
		msg = strings.TrimPrefix(pe.Err.Error(), "csv: ")
	}
	return &Error{Pos: pos, Msg: msg, Err: pe}
}

func (c *csvRows) row() int                { return c.num }
func (c *csvRows) cells() []string         { return c.rec }
func (c *csvRows) hidden() bool            { return false }
func (c *csvRows) colHidden(int) bool      { return false }
func (c *csvRows) uncached() []int         { return nil }
func (c *csvRows) err() error              { return c.e }
func (c *csvRows) close() error            { return nil }
func (c *csvRows) merge(int) (Range, bool) { return Range{}, false }
func (c *csvRows) merged() bool            { return false }
func (c *csvRows) setColumns(int)          {}
func (c *csvRows) sizeHint() int           { return c.hint }

func (c *csvRows) line() int {
	if c.num == 0 || len(c.rec) == 0 {
		return 0
	}
	l, _ := c.r.FieldPos(0)
	return l
}

func (c *csvRows) fieldLine(col int) int {
	if c.num == 0 || len(c.rec) == 0 {
		return 0
	}
	if col < 0 || col >= len(c.rec) {
		col = 0
	}
	l, _ := c.r.FieldPos(col)
	return l
}
