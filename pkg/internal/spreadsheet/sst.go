package spreadsheet

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/huller/huller/pkg/limits"
)

// loadSST reads the shared-string table once. The table is held whole, so
// its entries and their text are counted against the limits as they are
// read: a few hundred KB of <si/> would otherwise become millions of
// strings.
func (x *xlsxFile) loadSST() error {
	if x.sstLoaded {
		return x.sstErr
	}
	x.sstLoaded = true
	x.sst = &sstTable{}
	f := x.part(x.sstPath)
	if x.sstPath == "" || f == nil {
		return nil
	}
	if f.UncompressedSize64 > uint64(x.opts.MaxPart) {
		x.sstErr = &Error{Pos: Pos{File: x.name}, Err: ErrTooLarge,
			Msg: fmt.Sprintf("has a shared-string table of %s, more than the limit of %s", sizeString(int64(min(f.UncompressedSize64, 1<<62))), sizeString(x.opts.MaxPart))}
		return x.sstErr
	}
	tok, _, closer, err := x.openTokens(f)
	if err != nil {
		x.sstErr = err
		return err
	}
	defer closer.Close()
	sst, err := readSST(tok, x.sstBudget(f.Name))
	if err != nil {
		var te *Error
		switch {
		case errors.As(err, &te):
			x.sstErr = te
		case isEncodingError(err):
			x.sstErr = x.encodingError(f.Name, err)
		default:
			x.sstErr = x.corrupt(f.Name, err)
		}
		return x.sstErr
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

// sstEntryCost is what an entry is charged besides its text.
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

// readSST reads the entries of a shared-string table: each <si> is the
// text of its <t> elements (runs included, phonetic <rPh> runs left out).
func readSST(tok tokenizer, budget sstBudget) (*sstTable, error) {
	var (
		buf       []byte
		inSI, inT bool
		phonetic  int
		sst       = &sstTable{}
		used      int64
	)
	for {
		tk, err := tok.next()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, err
		}
		switch tk.kind {
		case tokStart:
			switch string(tk.local) {
			case "sst":
				for _, a := range tk.attrs {
					if string(a.local) == "uniqueCount" {
						n, _ := strconv.Atoi(string(a.value))
						sst.refs = make([]sstRef, 0, min(max(n, 0), 1<<20, budget.entries))
					}
				}
			case "si":
				inSI, buf = true, buf[:0]
			case "t":
				inT = inSI && phonetic == 0
			case "rPh":
				phonetic++
			}
		case tokEnd:
			switch string(tk.local) {
			case "si":
				if !checkText(buf, budget.text, true) {
					return nil, budget.tooLong(sst.len() + 1)
				}
				if sst.len() >= budget.entries {
					return nil, budget.tooMany()
				}
				if used += int64(len(buf)) + sstEntryCost; used > budget.bytes {
					return nil, budget.tooBig()
				}
				sst.add(buf)
				inSI = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case tokText:
			if inT {
				buf = append(buf, tk.text...)
				if !checkText(buf, budget.text, false) {
					return nil, budget.tooLong(sst.len() + 1)
				}
			}
		}
	}
}

// sstTable holds the shared strings compactly: their text in blocks of
// 1 MiB, and for each entry where it is (12 bytes an entry, where a string
// header is 16 and each string an allocation of its own). get returns a
// string that points into the block: the blocks are never written again.
type sstTable struct {
	blocks [][]byte
	refs   []sstRef
}

type sstRef struct{ block, start, n uint32 }

const sstBlock = 1 << 20

func (s *sstTable) len() int {
	if s == nil {
		return 0
	}
	return len(s.refs)
}

// add appends an entry, its _xHHHH_ escapes decoded.
func (s *sstTable) add(text []byte) {
	n := len(text)
	if k := len(s.blocks); k == 0 || cap(s.blocks[k-1])-len(s.blocks[k-1]) < n {
		s.blocks = append(s.blocks, make([]byte, 0, max(sstBlock, n)))
	}
	k := len(s.blocks) - 1
	blk := s.blocks[k]
	start := len(blk)
	blk = appendUnescaped(blk, text)
	s.blocks[k] = blk
	s.refs = append(s.refs, sstRef{block: uint32(k), start: uint32(start), n: uint32(len(blk) - start)})
}

func (s *sstTable) get(i int) string {
	r := s.refs[i]
	switch r.n {
	case 0:
		return ""
	case 1:
		if c := s.blocks[r.block][r.start]; c < utf8.RuneSelf {
			return asciiStrings[c]
		}
	}
	b := s.blocks[r.block][r.start : r.start+r.n]
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// openTokens opens a part for reading as tokens: under the guard, inflated
// on its own goroutine and scanned by byteTokenizer, or (Options.reference)
// read by encoding/xml. stream is what the tokenizer reads; closer stops
// it all.
func (x *xlsxFile) openTokens(f *zipFile) (tok tokenizer, stream io.Reader, closer io.Closer, err error) {
	rc, err := f.Open()
	if err != nil {
		return nil, nil, nil, x.corrupt(f.Name, err)
	}
	g := &guardReader{r: rc, max: x.opts.MaxToken, file: x.name, part: f.Name}
	if x.opts.reference {
		br := bufio.NewReaderSize(g, 64<<10)
		return newXMLTokenizer(br, x.opts.MaxToken, g.fail), br, rc, nil
	}
	p := startPipe(g, rc)
	return newByteTokenizer(p, x.opts.MaxToken, g.fail), p, p, nil
}
