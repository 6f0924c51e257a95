package spreadsheet

import (
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// textDecoder turns CSV bytes into UTF-8. Without a BOM it passes the bytes
// through as UTF-8 while they are valid; at the first invalid byte it
// switches to Windows-1252 for the rest, provided everything before was
// ASCII (identical in both encodings). Invalid UTF-8 after valid non-ASCII
// UTF-8 means mixed encodings, which is an error rather than a guess.
type textDecoder struct {
	name     string
	r        io.Reader
	cp1252   bool
	nonASCII bool   // valid non-ASCII UTF-8 seen
	lines    int    // newlines passed so far, for messages
	in       []byte // raw bytes: pending incomplete rune + new bytes
	pending  int    // bytes of an incomplete rune kept at in[:pending]
	out      []byte // decoded bytes not yet returned
	err      error
}

func newTextDecoder(name string, r io.Reader) *textDecoder {
	return &textDecoder{name: name, r: r, in: make([]byte, 64<<10)}
}

func (d *textDecoder) encoding() string {
	if d.cp1252 {
		return "Windows-1252"
	}
	return "UTF-8"
}

func (d *textDecoder) Read(p []byte) (int, error) {
	for len(d.out) == 0 {
		if d.err != nil {
			return 0, d.err
		}
		d.fill()
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}

// fill reads the next chunk and decodes it into d.out (which may stay empty).
func (d *textDecoder) fill() {
	n, err := d.r.Read(d.in[d.pending:])
	chunk := d.in[:d.pending+n]
	eof := err == io.EOF
	if err != nil && !eof {
		d.err = err
		return
	}
	keep := 0
	if !d.cp1252 && !eof {
		keep = incompleteTail(chunk)
	}
	seg := chunk[:len(chunk)-keep]
	d.out = d.decode(seg)
	// Move the incomplete rune to the front for the next read. d.out may
	// alias d.in only in the UTF-8 path, where it never overlaps the tail.
	if keep > 0 {
		if len(d.out) > 0 && &d.out[0] == &d.in[0] {
			d.out = append([]byte(nil), d.out...)
		}
		copy(d.in, chunk[len(chunk)-keep:])
	}
	d.pending = keep
	if eof && d.err == nil {
		d.err = io.EOF
	}
}

// decode converts one segment, switching to Windows-1252 when needed.
func (d *textDecoder) decode(seg []byte) []byte {
	if d.cp1252 {
		return appendCP1252(make([]byte, 0, len(seg)+len(seg)/8), seg)
	}
	if utf8.Valid(seg) {
		if !d.nonASCII {
			d.nonASCII = !isASCII(seg)
		}
		d.lines += bytes.Count(seg, []byte{'\n'})
		return seg
	}
	bad := firstInvalid(seg)
	if d.nonASCII || !isASCII(seg[:bad]) {
		line := d.lines + bytes.Count(seg[:bad], []byte{'\n'}) + 1
		d.err = &Error{Pos: Pos{File: d.name, Line: line, Col: -1},
			Msg: "is not valid UTF-8 here, though earlier lines are: the file mixes text encodings; save it again as CSV UTF-8"}
		return seg[:bad]
	}
	d.cp1252 = true
	out := make([]byte, 0, len(seg)+len(seg)/8)
	out = append(out, seg[:bad]...)
	return appendCP1252(out, seg[bad:])
}

// cp1252High maps the bytes 0x80-0xFF of Windows-1252 to UTF-8.
var cp1252High = func() (t [128]string) {
	for i := range t {
		t[i] = string(charmap.Windows1252.DecodeByte(byte(0x80 + i)))
	}
	return
}()

func appendCP1252(out, b []byte) []byte {
	for len(b) > 0 {
		i := 0
		for i < len(b) && b[i] < 0x80 {
			i++
		}
		out = append(out, b[:i]...)
		if i == len(b) {
			break
		}
		out = append(out, cp1252High[b[i]-0x80]...)
		b = b[i+1:]
	}
	return out
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// incompleteTail returns how many bytes at the end of b start a UTF-8
// sequence that the next read may complete.
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			if b[i] >= 0x80 && !utf8.FullRune(b[i:]) {
				return len(b) - i
			}
			return 0
		}
	}
	return 0
}
