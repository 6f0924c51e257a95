package spreadsheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// byteTokenizer reads XML tokens straight from a window of bytes, without
// building strings or interfaces: the token's slices point into the window
// or into a scratch buffer. It follows encoding/xml's RawToken (strict mode)
// step by step, so that it accepts what RawToken accepts, rejects what it
// rejects with the same message at the same line, and decodes text,
// entities and line ends the same way; the differential fuzz test holds
// the two to that.
//
// The window holds the token being read whole (a token is bounded by the
// guard under the stream and by maxToken). When a token runs past the
// window's end, reading stops with the errMore panic, the window is
// refilled, and the token is read again from its start. Comments,
// directives and processing instructions, which may hold '<', are read
// through without being kept (but for an <?xml …?> declaration, which the
// guard bounds).
type byteTokenizer struct {
	r        io.Reader
	buf      []byte // the window; buf[i:] is unread
	i        int
	start    int   // where the current token starts in buf
	base     int64 // offset in the stream of buf[0]
	lines    int   // newlines before buf[0]
	rerr     error // the reader's error after the data in buf (io.EOF at the end)
	err      error // sticky, as encoding/xml's d.err
	maxToken int
	tooLarge func() error

	tok       token
	attrs     []xattr
	text      []byte // decoded text and attribute values of the token
	needClose bool
	toClose   []byte
	decl      []byte // the content of an <?xml …?> declaration
}

// errMore is raised (as a panic) when a token runs past the window.
var errMore = errors.New("more input needed")

const tokChunk = 256 << 10

func newByteTokenizer(r io.Reader, maxToken int, tooLarge func() error) *byteTokenizer {
	return &byteTokenizer{r: r, buf: make([]byte, 0, tokChunk), maxToken: maxToken, tooLarge: tooLarge}
}

func (t *byteTokenizer) offset() int64 { return t.base + int64(t.i) }

func (t *byteTokenizer) line() int {
	return t.lines + bytes.Count(t.buf[:t.i], []byte{'\n'}) + 1
}

func (t *byteTokenizer) syntaxError(msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: t.line()}
}

// fill keeps buf[start:] and reads more after it.
func (t *byteTokenizer) fill() {
	if t.start > 0 {
		t.lines += bytes.Count(t.buf[:t.start], []byte{'\n'})
		t.base += int64(t.start)
		n := copy(t.buf, t.buf[t.start:])
		t.buf = t.buf[:n]
		t.i -= t.start
		t.start = 0
	}
	if cap(t.buf)-len(t.buf) < tokChunk/2 {
		nb := make([]byte, len(t.buf), 2*cap(t.buf)+tokChunk)
		copy(nb, t.buf)
		t.buf = nb
	}
	for t.rerr == nil {
		n, err := t.r.Read(t.buf[len(t.buf):cap(t.buf)])
		t.buf = t.buf[:len(t.buf)+n]
		if err != nil {
			t.rerr = err
		}
		if n > 0 {
			return
		}
	}
}

// getc reads a byte; at the window's end it asks for more (errMore) unless
// the stream has ended, in which case it fails as encoding/xml's getc does.
func (t *byteTokenizer) getc() (byte, bool) {
	if t.err != nil {
		return 0, false
	}
	if t.i < len(t.buf) {
		b := t.buf[t.i]
		t.i++
		return b, true
	}
	if t.rerr == nil {
		panic(errMore)
	}
	t.err = t.rerr
	return 0, false
}

// getcStream is getc for the long constructs read through without being
// kept: at the window's end it drops what was read and refills in place.
func (t *byteTokenizer) getcStream() (byte, bool) {
	if t.err == nil && t.i == len(t.buf) && t.rerr == nil {
		t.start = t.i
		t.fill()
	}
	return t.getc()
}

func (t *byteTokenizer) mustgetc() (byte, bool) {
	b, ok := t.getc()
	if !ok && t.err == io.EOF {
		t.err = t.syntaxError("unexpected EOF")
	}
	return b, ok
}

func (t *byteTokenizer) mustgetcStream() (byte, bool) {
	b, ok := t.getcStream()
	if !ok && t.err == io.EOF {
		t.err = t.syntaxError("unexpected EOF")
	}
	return b, ok
}

func (t *byteTokenizer) ungetc() { t.i-- }

func (t *byteTokenizer) space() {
	for {
		b, ok := t.getc()
		if !ok {
			return
		}
		switch b {
		case ' ', '\r', '\n', '\t':
		default:
			t.ungetc()
			return
		}
	}
}

func (t *byteTokenizer) next() (*token, error) {
	if t.err != nil {
		return nil, t.err
	}
	if t.needClose {
		t.needClose = false
		t.tok = token{kind: tokEnd, local: t.toClose}
		return &t.tok, nil
	}
	if tok := t.fast(); tok != nil {
		return tok, nil
	}
	for {
		t.start = t.i
		tok, err, more := t.try()
		if !more {
			return tok, err
		}
		t.i = t.start
		t.fill()
	}
}

// try reads a token; more reports that it ran past the window.
func (t *byteTokenizer) try() (tok *token, err error, more bool) {
	defer func() {
		if p := recover(); p != nil {
			if p != errMore {
				panic(p)
			}
			tok, err, more = nil, nil, true
		}
	}()
	if need := len(t.buf) - t.start; cap(t.text) < need {
		// Decoded text is never longer than its source: with this much
		// room, the token's values never move while it is read.
		t.text = make([]byte, 0, need+need/2)
	}
	t.text = t.text[:0]
	tok, err = t.rawToken()
	return tok, err, false
}

func (t *byteTokenizer) rawToken() (*token, error) {
	b, ok := t.getc()
	if !ok {
		return nil, t.err
	}
	if b != '<' {
		t.ungetc()
		data, ok := t.textData(-1, false)
		if !ok {
			return nil, t.err
		}
		t.tok = token{kind: tokText, text: data}
		return &t.tok, nil
	}
	if b, ok = t.mustgetc(); !ok {
		return nil, t.err
	}
	switch b {
	case '/':
		local, _, ok := t.nsname()
		if !ok {
			if t.err == nil {
				t.err = t.syntaxError("expected element name after </")
			}
			return nil, t.err
		}
		t.space()
		if b, ok = t.mustgetc(); !ok {
			return nil, t.err
		}
		if b != '>' {
			t.err = t.syntaxError("invalid characters between </" + string(local) + " and >")
			return nil, t.err
		}
		t.tok = token{kind: tokEnd, local: local}
		return &t.tok, nil
	case '?':
		return t.procInst()
	case '!':
		return t.bang()
	}
	t.ungetc()
	local, _, ok := t.nsname()
	if !ok {
		if t.err == nil {
			t.err = t.syntaxError("expected element name after <")
		}
		return nil, t.err
	}
	t.attrs = t.attrs[:0]
	empty := false
	for {
		t.space()
		if b, ok = t.mustgetc(); !ok {
			return nil, t.err
		}
		if b == '/' {
			empty = true
			if b, ok = t.mustgetc(); !ok {
				return nil, t.err
			}
			if b != '>' {
				t.err = t.syntaxError("expected /> in element")
				return nil, t.err
			}
			break
		}
		if b == '>' {
			break
		}
		t.ungetc()
		alocal, _, ok := t.nsname()
		if !ok {
			if t.err == nil {
				t.err = t.syntaxError("expected attribute name in element")
			}
			return nil, t.err
		}
		t.space()
		if b, ok = t.mustgetc(); !ok {
			return nil, t.err
		}
		if b != '=' {
			t.err = t.syntaxError("attribute name without = in element")
			return nil, t.err
		}
		t.space()
		if b, ok = t.mustgetc(); !ok {
			return nil, t.err
		}
		if b != '"' && b != '\'' {
			t.err = t.syntaxError("unquoted or missing attribute value in element")
			return nil, t.err
		}
		value, ok := t.textData(int(b), false)
		if !ok {
			return nil, t.err
		}
		t.attrs = append(t.attrs, xattr{local: alocal, value: value})
	}
	if empty {
		t.needClose = true
		t.toClose = local
	}
	t.tok = token{kind: tokStart, local: local, attrs: t.attrs}
	return &t.tok, nil
}

// procInst reads <?target …?>; the content of an <?xml …?> declaration
// is checked as encoding/xml checks it.
func (t *byteTokenizer) procInst() (*token, error) {
	name, ok := t.name()
	if !ok {
		if t.err == nil {
			t.err = t.syntaxError("expected target name after <?")
		}
		return nil, t.err
	}
	isDecl := string(name) == "xml"
	t.space()
	t.decl = t.decl[:0]
	var b0 byte
	for {
		b, ok := t.mustgetcStream()
		if !ok {
			return nil, t.err
		}
		if isDecl {
			t.decl = append(t.decl, b) // the guard bounds an instruction
		}
		if b0 == '?' && b == '>' {
			break
		}
		b0 = b
	}
	if isDecl {
		content := string(t.decl[:len(t.decl)-2])
		if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
			t.err = fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
			return nil, t.err
		}
		if enc := procInstParam("encoding", content); enc != "" && enc != "utf-8" && enc != "UTF-8" && !strings.EqualFold(enc, "utf-8") {
			if _, err := charsetReader(enc, nil); err != nil {
				t.err = fmt.Errorf("xml: opening charset %q: %w", enc, err)
				return nil, t.err
			}
		}
	}
	t.tok = token{kind: tokOther}
	return &t.tok, nil
}

// bang reads what starts with <!: a comment, a CDATA section or a
// directive.
func (t *byteTokenizer) bang() (*token, error) {
	b, ok := t.mustgetc()
	if !ok {
		return nil, t.err
	}
	switch b {
	case '-':
		if b, ok = t.mustgetc(); !ok {
			return nil, t.err
		}
		if b != '-' {
			t.err = t.syntaxError("invalid sequence <!- not part of <!--")
			return nil, t.err
		}
		var b0, b1 byte
		for {
			if b, ok = t.mustgetcStream(); !ok {
				return nil, t.err
			}
			if b0 == '-' && b1 == '-' {
				if b != '>' {
					t.err = t.syntaxError(`invalid sequence "--" not allowed in comments`)
					return nil, t.err
				}
				break
			}
			b0, b1 = b1, b
		}
		t.tok = token{kind: tokOther}
		return &t.tok, nil
	case '[':
		for i := range 6 {
			if b, ok = t.mustgetc(); !ok {
				return nil, t.err
			}
			if b != "CDATA["[i] {
				t.err = t.syntaxError("invalid <![ sequence")
				return nil, t.err
			}
		}
		data, ok := t.textData(-1, true)
		if !ok {
			return nil, t.err
		}
		t.tok = token{kind: tokText, text: data}
		return &t.tok, nil
	}
	// A directive (<!DOCTYPE …>): read through, quoted angle brackets and
	// comments aside.
	inquote := byte(0)
	depth := 0
	for {
		if b, ok = t.mustgetcStream(); !ok {
			return nil, t.err
		}
		if inquote == 0 && b == '>' && depth == 0 {
			break
		}
	handle:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			const s = "!--"
			for i := range len(s) {
				if b, ok = t.mustgetcStream(); !ok {
					return nil, t.err
				}
				if b != s[i] {
					depth++
					goto handle
				}
			}
			var b0, b1 byte
			for {
				if b, ok = t.mustgetcStream(); !ok {
					return nil, t.err
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
	t.tok = token{kind: tokOther}
	return &t.tok, nil
}

// textData reads character data up to '<' (quote < 0), to the closing
// quote of an attribute value, or to the end of a CDATA section, decoding
// entities and line ends into t.text; ok is false on error (in t.err).
func (t *byteTokenizer) textData(quote int, cdata bool) (data []byte, ok bool) {
	from := len(t.text)
	var b0, b1 byte
	trunc := 0
	for {
		b, ok := t.getc()
		if !ok {
			if cdata {
				if t.err == io.EOF {
					t.err = t.syntaxError("unexpected EOF in CDATA section")
				}
				return nil, false
			}
			break
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break
			}
			t.err = t.syntaxError("unescaped ]]> not in CDATA section")
			return nil, false
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				t.err = t.syntaxError("unescaped < inside quoted string")
				return nil, false
			}
			t.ungetc()
			break
		}
		if quote >= 0 && b == byte(quote) {
			break
		}
		if b == '&' && !cdata {
			if !t.entity() {
				return nil, false
			}
			b0, b1 = 0, 0
			continue
		}
		switch {
		case b == '\r':
			t.text = append(t.text, '\n')
		case b1 == '\r' && b == '\n':
		default:
			t.text = append(t.text, b)
		}
		if len(t.text)-from > t.maxToken+2 {
			if !cdata { // the guard under the stream bounds all else
				t.err = t.tooLarge()
				return nil, false
			}
			// A long CDATA section: read it through without keeping it.
			return nil, t.cdataTooLong(t.text[from:], b1, b)
		}
		b0, b1 = b1, b
	}
	data = t.text[from : len(t.text)-trunc]
	t.text = t.text[:len(t.text)-trunc]
	var v runeCheck
	v.feed(data)
	if v.end(); v.msg != "" {
		t.err = t.syntaxError(v.msg)
		return nil, false
	}
	if quote < 0 && len(data) > t.maxToken {
		t.err = t.tooLarge()
		return nil, false
	}
	return data, true
}

// cdataTooLong reads the rest of a CDATA section that is longer than
// maxToken without keeping it, and fails as the reference does: with a
// syntax error when the section ends the file or holds a character XML
// does not allow, else as too large. kept is the start of the section's
// text, b0 and b1 the last two bytes read.
func (t *byteTokenizer) cdataTooLong(kept []byte, b0, b1 byte) bool {
	var v runeCheck
	v.feed(kept)
	for {
		b, ok := t.getcStream()
		if !ok {
			if t.err == io.EOF {
				t.err = t.syntaxError("unexpected EOF in CDATA section")
			}
			return false
		}
		if b0 == ']' && b1 == ']' && b == '>' {
			break
		}
		v.feedByte(b)
		b0, b1 = b1, b
	}
	if v.end(); v.msg != "" {
		t.err = t.syntaxError(v.msg)
	} else {
		t.err = t.tooLarge()
	}
	return false
}

// runeCheck checks text as encoding/xml does once it has read it: valid
// UTF-8 of characters XML allows. msg is the first problem.
type runeCheck struct {
	pending [utf8.UTFMax]byte
	n       int
	msg     string
}

func (v *runeCheck) feed(p []byte) {
	for i := 0; i < len(p) && v.msg == ""; i++ {
		if c := p[i]; v.n == 0 && (c >= 0x20 && c < utf8.RuneSelf || c == '\t' || c == '\n' || c == '\r') {
			continue
		}
		v.feedByte(p[i])
	}
}

func (v *runeCheck) feedByte(c byte) {
	if v.msg != "" {
		return
	}
	if v.n == 0 && c < utf8.RuneSelf {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			v.msg = fmt.Sprintf("illegal character code %U", rune(c))
		}
		return
	}
	v.pending[v.n] = c
	v.n++
	for v.n > 0 && utf8.FullRune(v.pending[:v.n]) {
		r, size := utf8.DecodeRune(v.pending[:v.n])
		if r == utf8.RuneError && size == 1 {
			v.msg = "invalid UTF-8"
			return
		}
		if !isInCharacterRange(r) {
			v.msg = fmt.Sprintf("illegal character code %U", r)
			return
		}
		copy(v.pending[:], v.pending[size:v.n])
		v.n -= size
	}
}

// end checks that no character is left unfinished.
func (v *runeCheck) end() {
	if v.n > 0 && v.msg == "" {
		v.msg = "invalid UTF-8"
	}
}

// entity reads what follows '&' and appends its text; false on error.
func (t *byteTokenizer) entity() bool {
	before := len(t.text)
	t.text = append(t.text, '&')
	b, ok := t.mustgetc()
	if !ok {
		return false
	}
	var (
		text     []byte
		haveText bool
		scratch  [utf8.UTFMax]byte
	)
	if b == '#' {
		t.text = append(t.text, b)
		if b, ok = t.mustgetc(); !ok {
			return false
		}
		base := 10
		if b == 'x' {
			base = 16
			t.text = append(t.text, b)
			if b, ok = t.mustgetc(); !ok {
				return false
			}
		}
		start := len(t.text)
		for '0' <= b && b <= '9' || base == 16 && ('a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			t.text = append(t.text, b)
			if b, ok = t.mustgetc(); !ok {
				return false
			}
		}
		if b != ';' {
			t.ungetc()
		} else {
			s := string(t.text[start:])
			t.text = append(t.text, ';')
			if n, err := strconv.ParseUint(s, base, 64); err == nil && n <= 0x10FFFF {
				text = utf8.AppendRune(scratch[:0], rune(n))
				haveText = true
			}
		}
	} else {
		t.ungetc()
		if !t.readName() && t.err != nil {
			return false
		}
		if b, ok = t.mustgetc(); !ok {
			return false
		}
		if b != ';' {
			t.ungetc()
		} else {
			name := t.text[before+1:]
			t.text = append(t.text, ';')
			if isName(name) {
				if r, ok := xmlEntity[string(name)]; ok {
					text = utf8.AppendRune(scratch[:0], r)
					haveText = true
				}
			}
		}
	}
	if haveText {
		t.text = append(t.text[:before], text...)
		return true
	}
	ent := string(t.text[before:])
	if ent[len(ent)-1] != ';' {
		ent += " (no semicolon)"
	}
	t.err = t.syntaxError("invalid character entity " + ent)
	return false
}

var xmlEntity = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// readName reads a name into t.text: bytes that are name bytes, or not
// ASCII; false when there is none.
func (t *byteTokenizer) readName() bool {
	b, ok := t.mustgetc()
	if !ok {
		return false
	}
	if b < utf8.RuneSelf && !isNameByte(b) {
		t.ungetc()
		return false
	}
	t.text = append(t.text, b)
	for {
		if b, ok = t.mustgetc(); !ok {
			return false
		}
		if b < utf8.RuneSelf && !isNameByte(b) {
			t.ungetc()
			return true
		}
		t.text = append(t.text, b)
	}
}

// name reads a name and checks it; the name is a slice of the window.
func (t *byteTokenizer) name() ([]byte, bool) {
	from := t.i
	b, ok := t.mustgetc()
	if !ok {
		return nil, false
	}
	if b < utf8.RuneSelf && !isNameByte(b) {
		t.ungetc()
		return nil, false
	}
	for {
		if b, ok = t.mustgetc(); !ok {
			return nil, false
		}
		if b < utf8.RuneSelf && !isNameByte(b) {
			t.ungetc()
			break
		}
	}
	s := t.buf[from:t.i]
	if !isName(s) {
		t.err = t.syntaxError("invalid XML name: " + string(s))
		return nil, false
	}
	return s, true
}

// nsname reads a name and splits off its prefix, as encoding/xml does: a
// name with more than one colon is no name, and one with an empty prefix
// or local part is all local.
func (t *byteTokenizer) nsname() (local, space []byte, ok bool) {
	s, ok := t.name()
	if !ok {
		return nil, nil, false
	}
	switch c := bytes.IndexByte(s, ':'); {
	case c < 0:
		return s, nil, true
	case bytes.IndexByte(s[c+1:], ':') >= 0:
		return nil, nil, false
	case c == 0 || c == len(s)-1:
		return s, nil, true
	default:
		return s[c+1:], s[:c], true
	}
}

// isNameByte is encoding/xml's: the ASCII bytes that may be part of a name.
func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// isName is encoding/xml's check of a name.
func isName(s []byte) bool {
	if len(s) == 0 {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		ascii := true
		for _, c := range s {
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if ascii {
			// readName passed only name bytes; the first must be a letter,
			// '_' or ':'.
			return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':'
		}
	}
	return isNameUnicode(s)
}

// isInCharacterRange is encoding/xml's: the characters XML allows.
func isInCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// procInstParam is encoding/xml's procInst: the value of param="…" in the
// content of a processing instruction, or "".
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// The fast paths read the common tokens — a tag of ASCII names and plain
// attribute values, character data without entities or carriage returns —
// straight from the window, without copying. Anything else (and a token
// that runs past the window) is left to the general path above, which
// reads it as encoding/xml does.

// byteClass flags the bytes the fast paths treat specially.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		if isNameByte(b) {
			t[c] |= clsName
		}
		if b >= 0x20 && b < 0x7f && b != '&' && b != '<' && b != ']' || b == '\t' || b == '\n' {
			t[c] |= clsPlain
		}
		if b == ' ' || b == '\t' || b == '\n' || b == '\r' {
			t[c] |= clsSpace
		}
	}
	return
}()

const (
	clsName  = 1 << iota // may be part of a name
	clsPlain             // stands for itself in text or a quoted value
	clsSpace             // white space between attributes
)

// fast reads the next token by a fast path, or returns nil.
func (t *byteTokenizer) fast() *token {
	buf, i := t.buf, t.i
	if i >= len(buf) {
		return nil
	}
	if buf[i] != '<' {
		return t.fastText()
	}
	i++
	if i >= len(buf) {
		return nil
	}
	end := false
	if buf[i] == '/' {
		end = true
		i++
	}
	local, i, ok := fastName(buf, i)
	if !ok {
		return nil
	}
	if end {
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) || buf[i] != '>' {
			return nil
		}
		t.i = i + 1
		t.tok.kind, t.tok.local = tokEnd, local
		return &t.tok
	}
	t.attrs = t.attrs[:0]
	for {
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) {
			return nil
		}
		switch buf[i] {
		case '>':
			t.i = i + 1
			t.tok.kind, t.tok.local, t.tok.attrs = tokStart, local, t.attrs
			return &t.tok
		case '/':
			if i+1 >= len(buf) || buf[i+1] != '>' {
				return nil
			}
			t.i = i + 2
			t.needClose, t.toClose = true, local
			t.tok.kind, t.tok.local, t.tok.attrs = tokStart, local, t.attrs
			return &t.tok
		}
		var alocal []byte
		if alocal, i, ok = fastName(buf, i); !ok {
			return nil
		}
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) || buf[i] != '=' {
			return nil
		}
		i++
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) || buf[i] != '"' && buf[i] != '\'' {
			return nil
		}
		q := buf[i]
		i++
		from := i
		for i < len(buf) && buf[i] != q {
			if c := buf[i]; byteClass[c]&clsPlain == 0 && c != ']' {
				return nil
			}
			i++
		}
		if i >= len(buf) {
			return nil
		}
		t.attrs = append(t.attrs, xattr{local: alocal, value: buf[from:i]})
		i++
	}
}

// fastName reads an ASCII name at buf[i:] that encoding/xml accepts and
// returns its local part; ok is false for anything else.
func fastName(buf []byte, i int) (local []byte, next int, ok bool) {
	from := i
	colon := -1
	for i < len(buf) {
		c := buf[i]
		if byteClass[c]&clsName == 0 {
			break
		}
		if c == ':' {
			if colon >= 0 {
				return nil, 0, false
			}
			colon = i
		}
		i++
	}
	if i == from || i >= len(buf) || buf[i] >= utf8.RuneSelf {
		return nil, 0, false
	}
	if c := buf[from]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') {
		return nil, 0, false
	}
	name := buf[from:i]
	if colon > from && colon < i-1 {
		return buf[colon+1 : i], i, true
	}
	return name, i, true
}

// fastText reads character data up to the next '<' when it holds no
// entity, carriage return or ']' (checking its characters as encoding/xml
// does).
func (t *byteTokenizer) fastText() *token {
	buf, i := t.buf, t.i
	k := bytes.IndexByte(buf[i:], '<')
	if k < 0 || k > t.maxToken {
		return nil
	}
	data := buf[i : i+k]
	check := false
	for _, c := range data {
		if byteClass[c]&clsPlain == 0 {
			if c < utf8.RuneSelf {
				return nil
			}
			check = true
		}
	}
	if check {
		var v runeCheck
		v.feed(data)
		if v.end(); v.msg != "" {
			return nil // the general path reports it
		}
	}
	t.i = i + k
	t.tok.kind, t.tok.text = tokText, data
	return &t.tok
}

// cellValue reads, right after a cell's start tag, the common rest of a
// cell: <v>plain text</v> and an end tag, as the state machine would read
// those four tokens (a value, no formula, the cell ended). ok is false,
// and nothing read, for anything else.
func (t *byteTokenizer) cellValue() (text []byte, ok bool) {
	if t.needClose || t.err != nil {
		return nil, false
	}
	buf, i := t.buf, t.i
	if len(buf)-i >= 3 && buf[i] == '<' && buf[i+1] == 'v' && buf[i+2] == '>' {
		i += 3
	} else {
		if i+3 >= len(buf) || buf[i] != '<' {
			return nil, false
		}
		var local []byte
		local, i, ok = fastName(buf, i+1)
		if !ok || len(local) != 1 || local[0] != 'v' || buf[i] != '>' {
			return nil, false
		}
		i++
	}
	from := i
	for i < len(buf) && byteClass[buf[i]]&clsPlain != 0 {
		i++
	}
	if i >= len(buf) || buf[i] != '<' || i-from > t.maxToken {
		return nil, false
	}
	text = buf[from:i]
	if len(buf)-i >= 8 && string(buf[i:i+8]) == "</v></c>" {
		t.i = i + 8
		return text, true
	}
	for _, want := range [2]byte{'v', 0} {
		if i+2 >= len(buf) || buf[i] != '<' || buf[i+1] != '/' {
			return nil, false
		}
		var local []byte
		if local, i, ok = fastName(buf, i+2); !ok || want != 0 && (len(local) != 1 || local[0] != want) {
			return nil, false
		}
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) || buf[i] != '>' {
			return nil, false
		}
		i++
	}
	t.i = i
	return text, true
}

// cellStart reads a cell's start tag <c …> (any prefix) of plain
// attributes and returns its r and t values (nil when absent) and whether
// the tag closes itself. ok is false, and nothing read, for anything else,
// such as a second r attribute, which the general path reports in order.
func (t *byteTokenizer) cellStart() (ref, typ []byte, empty, ok bool) {
	if t.needClose || t.err != nil {
		return nil, nil, false, false
	}
	buf, i := t.buf, t.i
	if i+2 >= len(buf) || buf[i] != '<' {
		return nil, nil, false, false
	}
	local, i, ok := fastName(buf, i+1)
	if !ok || len(local) != 1 || local[0] != 'c' {
		return nil, nil, false, false
	}
	for {
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) {
			return nil, nil, false, false
		}
		switch buf[i] {
		case '>':
			t.i = i + 1
			return ref, typ, false, true
		case '/':
			if i+1 >= len(buf) || buf[i+1] != '>' {
				return nil, nil, false, false
			}
			t.i = i + 2
			return ref, typ, true, true
		}
		var alocal []byte
		if alocal, i, ok = fastName(buf, i); !ok {
			return nil, nil, false, false
		}
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) || buf[i] != '=' {
			return nil, nil, false, false
		}
		i++
		for i < len(buf) && byteClass[buf[i]]&clsSpace != 0 {
			i++
		}
		if i >= len(buf) || buf[i] != '"' && buf[i] != '\'' {
			return nil, nil, false, false
		}
		q := buf[i]
		i++
		from := i
		for i < len(buf) && buf[i] != q {
			if c := buf[i]; byteClass[c]&clsPlain == 0 && c != ']' {
				return nil, nil, false, false
			}
			i++
		}
		if i >= len(buf) {
			return nil, nil, false, false
		}
		if len(alocal) == 1 {
			switch alocal[0] {
			case 'r':
				if ref != nil {
					return nil, nil, false, false
				}
				ref = buf[from:i]
			case 't':
				typ = buf[from:i]
			}
		}
		i++
	}
}
