package spreadsheet

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/huller/huller/pkg/limits"
)

// loadSST reads the shared-string table once. The table is held whole, so
// its entries and their text are counted against the limits as they are
// read: a few hundred KB of <si/> would otherwise become millions of
// strings.
func (x *xlsxFile) loadSST() error {
	if x.sstLoaded {
		return nil
	}
	x.sstLoaded = true
	f := x.part(x.sstPath)
	if x.sstPath == "" || f == nil {
		return nil
	}
	if f.UncompressedSize64 > uint64(x.opts.MaxPart) {
		return &Error{Pos: Pos{File: x.name}, Err: ErrTooLarge,
			Msg: fmt.Sprintf("has a shared-string table of %s, more than the limit of %s", sizeString(int64(min(f.UncompressedSize64, 1<<62))), sizeString(x.opts.MaxPart))}
	}
	rc, err := f.Open()
	if err != nil {
		return x.corrupt(f.Name, err)
	}
	defer rc.Close()
	g := &guardReader{r: rc, max: x.opts.MaxToken, file: x.name, part: f.Name}
	sst, err := readSST(bufio.NewReaderSize(g, 64<<10), x.sstBudget(f.Name))
	if err != nil {
		var te *Error
		switch {
		case errors.As(err, &te):
			return te
		case isEncodingError(err):
			return x.encodingError(f.Name, err)
		}
		return x.corrupt(f.Name, err)
	}
	x.sst = sst
	return nil
}

// sstBudget is what the shared-string table may hold.
type sstBudget struct {
	file, part string
	entries    int   // most entries
	bytes      int64 // most bytes: text plus sstEntryCost an entry
	text       int   // most characters of an entry
}

// sstEntryCost is what an entry costs besides its text: a string header.
const sstEntryCost = 16

func (x *xlsxFile) sstBudget(part string) sstBudget {
	return sstBudget{file: x.name, part: part, entries: x.opts.MaxSharedStrings,
		bytes: x.opts.MaxSharedStringBytes, text: x.opts.MaxCellText}
}

func (b sstBudget) tooMany() error {
	return &Error{Pos: Pos{File: b.file}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("has more than %s shared strings (the workbook's table of texts, %s), more than a roster of %s persons needs; this is not a normal workbook",
			commas(int64(b.entries)), b.part, commas(limits.Rows))}
}

func (b sstBudget) tooBig() error {
	return &Error{Pos: Pos{File: b.file}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("has a table of shared strings (%s) that takes more than %s in memory, more than a roster of %s persons needs; this is not a normal workbook",
			b.part, sizeString(b.bytes), commas(limits.Rows))}
}

func (b sstBudget) tooLong(i int) error {
	return &Error{Pos: Pos{File: b.file}, Err: ErrTooLarge,
		Msg: fmt.Sprintf("has a shared string (number %d in %s) of more than %s characters, more than a cell can hold; this is not a normal workbook",
			i, b.part, commas(int64(b.text)))}
}

// checkText checks an entry's text (the raw bytes collected so far, or the
// whole entry when final): more than text characters is refused. While
// collecting, only a size that cannot be within the limit is refused.
func checkText(buf []byte, most int, final bool) bool {
	if len(buf) <= most {
		return true
	}
	if !final {
		return len(buf) <= utf8.UTFMax*most
	}
	return utf8.RuneCount(buf) <= most
}

// readSST reads the entries of a shared-string table with encoding/xml:
// each <si> is the text of its <t> elements (runs included, phonetic
// <rPh> runs left out).
func readSST(r io.Reader, budget sstBudget) ([]string, error) {
	d := newDecoder(r)
	var (
		buf       []byte
		inSI, inT bool
		phonetic  int
		sst       []string
		used      int64
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sst":
				for _, a := range t.Attr {
					if a.Name.Local == "uniqueCount" {
						n, _ := strconv.Atoi(a.Value)
						sst = make([]string, 0, min(max(n, 0), 1<<20, budget.entries))
					}
				}
			case "si":
				inSI, buf = true, buf[:0]
			case "t":
				inT = inSI && phonetic == 0
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				if !checkText(buf, budget.text, true) {
					return nil, budget.tooLong(len(sst) + 1)
				}
				if len(sst) >= budget.entries {
					return nil, budget.tooMany()
				}
				if used += int64(len(buf)) + sstEntryCost; used > budget.bytes {
					return nil, budget.tooBig()
				}
				sst = append(sst, unescapeOOXML(string(buf)))
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT {
				buf = append(buf, t...)
				if !checkText(buf, budget.text, false) {
					return nil, budget.tooLong(len(sst) + 1)
				}
			}
		}
	}
}
