package spreadsheet

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// Authorship is whom a workbook names as its authors: the document's
// author and last editor (its core properties) and the authors of its cell
// comments. Comments are free text: they may say anything of anyone.
type Authorship struct {
	Creator, LastModifiedBy string
	// Comments are the comments' authors, each with how many comments they
	// wrote, most first, then by name; at most maxAuthors, the last of
	// them "…" counting the rest when there are more.
	Comments []CommentAuthor
	// Digest is the CommentsDigest of the texts of the legacy comments
	// (notes), "" when there are none.
	Digest string
}

// CommentAuthor is an author of cell comments.
type CommentAuthor struct {
	Name     string
	Comments int
}

const (
	maxAuthors    = 100
	maxAuthorName = 200 // runes
)

// Authorship reads whom the workbook names as its authors; the zero value
// for a CSV file. Legacy comments (notes) and threaded comments are both
// counted; a threaded comment's legacy copy (author "tc=…") is not. The
// parts are read as sheets are: streamed, each token bounded.
func (f *File) Authorship() (Authorship, error) {
	var a Authorship
	if f.xlsx == nil {
		return a, nil
	}
	x := f.xlsx
	if p := x.part(x.corePath); p != nil {
		err := x.eachElement(p, func(e element) {
			switch e.local {
			case "creator":
				a.Creator = e.text()
			case "lastModifiedBy":
				a.LastModifiedBy = e.text()
			}
		})
		if err != nil {
			return a, err
		}
	}
	persons := map[string]string{} // threaded comments' person id → name
	for _, zf := range x.zr.File {
		if dir, _ := path.Split(strings.ToLower(zf.Name)); dir == "xl/persons/" {
			err := x.eachElement(zf, func(e element) {
				if e.local == "person" && len(persons) < maxAuthors {
					persons[e.attr("id")] = e.attr("displayName")
				}
			})
			if err != nil {
				return a, err
			}
		}
	}
	count := newAuthorCount()
	var texts [][sha256.Size]byte
	for _, zf := range x.zr.File {
		dir, base := path.Split(strings.ToLower(zf.Name))
		var err error
		switch {
		case dir == "xl/threadedcomments/":
			err = x.eachElement(zf, func(e element) {
				if e.local == "threadedComment" {
					id := e.attr("personId")
					count.add(cmp.Or(persons[id], id))
				}
			})
		case strings.HasPrefix(dir, "xl/") && strings.HasPrefix(base, "comments") && strings.HasSuffix(base, ".xml"):
			err = x.legacyComments(zf, count, &texts)
		}
		if err != nil {
			return a, err
		}
	}
	a.Comments = count.list
	if len(texts) > 0 {
		a.Digest = digest(texts)
	}
	slices.SortFunc(a.Comments, func(x, y CommentAuthor) int {
		return cmp.Or(cmp.Compare(y.Comments, x.Comments), strings.Compare(x.Name, y.Name))
	})
	return a, nil
}

// maxCommentAuthors bounds the authors one comments part may list (Excel
// lists each once).
const maxCommentAuthors = 1 << 16

// maxCommentTexts bounds the comments whose texts are digested: a
// workbook has one at most per cell of its sheets' heads.
const maxCommentTexts = 1 << 22

// legacyComments counts the comments of a comments part by author, and
// adds the hash of each comment's text to texts.
func (x *xlsxFile) legacyComments(zf *zipFile, count *authorCount, texts *[][sha256.Size]byte) error {
	var authors []string
	return x.eachElement(zf, func(e element) {
		switch e.local {
		case "author":
			if len(authors) < maxCommentAuthors {
				authors = append(authors, e.text())
			}
		case "comment":
			name := "?"
			if i, ok := authorIndex(e.attr("authorId"), len(authors)); ok {
				name = authors[i]
			}
			if !strings.HasPrefix(name, "tc=") {
				count.add(name)
			}
			if len(*texts) < maxCommentTexts {
				*texts = append(*texts, e.textHash())
			}
		}
	})
}

// element is a start tag met by eachElement.
type element struct {
	local string
	attrs []xattr
	tok   tokenizer
	err   *error
}

// attr returns the value of the attribute of local name name.
func (e element) attr(name string) string {
	for _, a := range e.attrs {
		if string(a.local) == name {
			return string(a.value)
		}
	}
	return ""
}

// text reads the element's text up to its end tag, spaces trimmed and cut
// to maxAuthorName runes.
func (e element) text() string {
	var b []byte
	for depth := 1; depth > 0; {
		tk, err := e.tok.next()
		if err != nil {
			*e.err = err
			break
		}
		switch tk.kind {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		case tokText:
			if len(b) < 4*maxAuthorName {
				b = append(b, tk.text...)
			}
		}
	}
	return clip(string(b))
}

// textHash reads the element's text up to its end tag — the text of its
// <t> elements, as a comment's runs hold it — and returns its SHA-256.
func (e element) textHash() [sha256.Size]byte {
	h := sha256.New()
	inT := 0 // depth inside a <t>
	for depth := 1; depth > 0; {
		tk, err := e.tok.next()
		if err != nil {
			*e.err = err
			break
		}
		switch tk.kind {
		case tokStart:
			depth++
			if inT > 0 || string(tk.local) == "t" {
				inT++
			}
		case tokEnd:
			depth--
			if inT > 0 {
				inT--
			}
		case tokText:
			if inT > 0 {
				h.Write(tk.text)
			}
		}
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// CommentsDigest is the digest of a workbook's comment texts, whatever
// their order: the SHA-256 of their SHA-256s in ascending order, in hex.
// huller records it for the comments it writes; Authorship computes it
// for the comments a workbook holds.
func CommentsDigest(texts []string) string {
	hs := make([][sha256.Size]byte, len(texts))
	for i, t := range texts {
		hs[i] = sha256.Sum256([]byte(t))
	}
	return digest(hs)
}

func digest(hs [][sha256.Size]byte) string {
	slices.SortFunc(hs, func(a, b [sha256.Size]byte) int { return bytes.Compare(a[:], b[:]) })
	h := sha256.New()
	for _, x := range hs {
		h.Write(x[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// eachElement calls fn with every start tag of a part, streaming with the
// sheets' tokenizer (each token bounded, nothing kept of the nesting).
func (x *xlsxFile) eachElement(zf *zipFile, fn func(e element)) error {
	if err := x.checkRatio(zf); err != nil {
		return err
	}
	tok, _, closer, err := x.openTokens(zf)
	if err != nil {
		return err
	}
	defer closer.Close()
	for err == nil {
		var tk *token
		if tk, err = tok.next(); err == nil && tk.kind == tokStart {
			fn(element{local: string(tk.local), attrs: tk.attrs, tok: tok, err: &err})
		}
	}
	var te *Error
	switch {
	case err == io.EOF:
		return nil
	case errors.As(err, &te):
		return te
	case isEncodingError(err):
		return x.encodingError(zf.Name, err)
	}
	return x.corrupt(zf.Name, err)
}

// authorCount counts comments by author, in the order first met.
type authorCount struct {
	list []CommentAuthor
	at   map[string]int
}

func newAuthorCount() *authorCount { return &authorCount{at: map[string]int{}} }

func (c *authorCount) add(name string) {
	name = clip(name)
	i, ok := c.at[name]
	if !ok {
		if len(c.list) >= maxAuthors-1 { // the last place counts the rest
			name = "…"
			i, ok = c.at[name]
		}
		if !ok {
			i = len(c.list)
			c.at[name] = i
			c.list = append(c.list, CommentAuthor{Name: name})
		}
	}
	c.list[i].Comments++
}

// clip trims a name's spaces and cuts it to maxAuthorName runes.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= maxAuthorName {
		return s
	}
	return string([]rune(s)[:maxAuthorName]) + "…"
}

// authorIndex parses a small non-negative index below n.
func authorIndex(s string, n int) (int, bool) {
	i := 0
	if s == "" || len(s) > 9 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
		i = i*10 + int(r-'0')
	}
	return i, i < n
}
