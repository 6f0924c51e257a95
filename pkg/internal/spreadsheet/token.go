package spreadsheet

import (
	"encoding/xml"
	"io"
)

// The readers of sheets and shared strings see workbook XML as a stream of
// tokens: start and end tags (by local name, prefix dropped), character
// data, and the rest (comments, processing instructions, directives). Two
// tokenizers produce them: byteTokenizer, which scans the bytes without
// allocating and is used by default, and xmlTokenizer, encoding/xml's
// RawToken, kept as the reference that the first is tested against. Both
// give the same tokens and the same errors for the same bytes.

type tokenKind uint8

const (
	tokText  tokenKind = iota + 1 // character data, CDATA sections included, entities decoded
	tokStart                      // a start tag; a self-closing tag gives tokStart then tokEnd
	tokEnd                        // an end tag
	tokOther                      // a comment, processing instruction or directive
)

// xattr is an attribute of a start tag: its local name and decoded value.
type xattr struct{ local, value []byte }

// token is what a tokenizer read last; its slices are valid until the
// tokenizer's next call.
type token struct {
	kind  tokenKind
	local []byte  // tokStart, tokEnd: the element's local name
	attrs []xattr // tokStart
	text  []byte  // tokText
}

// tokenizer reads tokens. Its errors are those of encoding/xml's RawToken:
// io.EOF at the end, *xml.SyntaxError for malformed XML, and the errors of
// the underlying reader (such as the guard's *Error) as they are.
type tokenizer interface {
	next() (*token, error)
	// offset is the number of bytes of the stream consumed.
	offset() int64
}

// xmlTokenizer is the reference tokenizer: encoding/xml's RawToken.
type xmlTokenizer struct {
	d        *xml.Decoder
	tok      token
	attrs    []xattr
	maxToken int
	tooLarge func() error
}

func newXMLTokenizer(r io.Reader, maxToken int, tooLarge func() error) *xmlTokenizer {
	return &xmlTokenizer{d: newDecoder(r), maxToken: maxToken, tooLarge: tooLarge}
}

func (t *xmlTokenizer) next() (*token, error) {
	tk, err := t.d.RawToken()
	if err != nil {
		return nil, err
	}
	switch v := tk.(type) {
	case xml.StartElement:
		t.attrs = t.attrs[:0]
		for _, a := range v.Attr {
			t.attrs = append(t.attrs, xattr{local: []byte(a.Name.Local), value: []byte(a.Value)})
		}
		t.tok = token{kind: tokStart, local: []byte(v.Name.Local), attrs: t.attrs}
	case xml.EndElement:
		t.tok = token{kind: tokEnd, local: []byte(v.Name.Local)}
	case xml.CharData:
		// A CDATA section is not bounded by the guard, which counts the
		// bytes between two '<': bound all character data the same way.
		if len(v) > t.maxToken {
			return nil, t.tooLarge()
		}
		t.tok = token{kind: tokText, text: v}
	default:
		t.tok = token{kind: tokOther}
	}
	return &t.tok, nil
}

func (t *xmlTokenizer) offset() int64 { return t.d.InputOffset() }
