package spreadsheet

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/huller/huller/pkg/limits"
)

// Authorship is whom a workbook names as its authors: the document's
// author and last editor (its core properties) and the authors of its cell
// comments. Comments are free text: they may say anything of anyone.
type Authorship struct {
	Creator, LastModifiedBy string
	// Comments are the comments' authors, each with how many comments they
	// wrote, most first, then by name; at most maxAuthors, the rest counted
	// as "…".
	Comments []CommentAuthor
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
// counted; a threaded comment's legacy copy (author "tc=…") is not.
func (f *File) Authorship() (Authorship, error) {
	var a Authorship
	if f.xlsx == nil {
		return a, nil
	}
	x := f.xlsx
	if p := x.part(x.corePath); p != nil {
		b, err := x.readSmall(p)
		if err != nil {
			return a, err
		}
		a.Creator, a.LastModifiedBy = coreAuthors(b)
	}
	count := newAuthorCount()
	persons := map[string]string{} // threaded comments' person id → name
	for _, zf := range x.zr.File {
		if dir, _ := path.Split(strings.ToLower(zf.Name)); dir == "xl/persons/" {
			if err := x.eachElement(zf, func(e xml.StartElement, _ func() string) {
				if e.Name.Local == "person" {
					persons[attr(e, "id")] = attr(e, "displayName")
				}
			}); err != nil {
				return a, err
			}
		}
	}
	for _, zf := range x.zr.File {
		name := strings.ToLower(zf.Name)
		dir, base := path.Split(name)
		switch {
		case dir == "xl/threadedcomments/":
			err := x.eachElement(zf, func(e xml.StartElement, _ func() string) {
				if e.Name.Local == "threadedComment" {
					id := attr(e, "personId")
					count.add(cmp.Or(persons[id], id))
				}
			})
			if err != nil {
				return a, err
			}
		case strings.HasPrefix(dir, "xl/") && strings.HasPrefix(base, "comments") && strings.HasSuffix(base, ".xml"):
			if err := x.legacyComments(zf, count); err != nil {
				return a, err
			}
		}
	}
	a.Comments = count.list
	slices.SortFunc(a.Comments, func(x, y CommentAuthor) int {
		return cmp.Or(cmp.Compare(y.Comments, x.Comments), strings.Compare(x.Name, y.Name))
	})
	return a, nil
}

// legacyComments counts the comments of a comments part by author.
func (x *xlsxFile) legacyComments(zf *zipFile, count *authorCount) error {
	var authors []string
	return x.eachElement(zf, func(e xml.StartElement, text func() string) {
		switch e.Name.Local {
		case "author":
			authors = append(authors, text())
		case "comment":
			name := "?"
			if i, ok := index(attr(e, "authorId"), len(authors)); ok {
				name = authors[i]
			}
			if !strings.HasPrefix(name, "tc=") {
				count.add(name)
			}
		}
	})
}

// eachElement calls fn with every element of a part, streaming; text
// reads the element's text (up to its end) when fn asks for it.
func (x *xlsxFile) eachElement(zf *zipFile, fn func(e xml.StartElement, text func() string)) error {
	if err := x.checkRatio(zf); err != nil {
		return err
	}
	if zf.UncompressedSize64 > limits.Part {
		return &Error{Pos: Pos{File: x.name}, Err: ErrTooLarge,
			Msg: fmt.Sprintf("part %s is %s, more than the limit of %s for one part", quotePart(zf.Name),
				sizeString(int64(min(zf.UncompressedSize64, 1<<62))), sizeString(limits.Part))}
	}
	rc, err := zf.Open()
	if err != nil {
		return x.corrupt(zf.Name, err)
	}
	defer rc.Close()
	d := newDecoder(io.LimitReader(rc, int64(min(zf.UncompressedSize64, 1<<62))))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return x.corrupt(zf.Name, err)
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e, func() string {
				var b strings.Builder
				depth := 1
				for depth > 0 {
					tok, err := d.Token()
					if err != nil {
						break
					}
					switch t := tok.(type) {
					case xml.StartElement:
						depth++
					case xml.EndElement:
						depth--
					case xml.CharData:
						if b.Len() < 4*maxAuthorName {
							b.Write(t)
						}
					}
				}
				return b.String()
			})
		}
	}
}

// coreAuthors reads the author and the last editor of core properties.
func coreAuthors(b []byte) (creator, last string) {
	d := newDecoder(bytes.NewReader(b))
	var in *string
	for {
		tok, err := d.Token()
		if err != nil {
			return clip(creator), clip(last)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "creator":
				in = &creator
			case "lastModifiedBy":
				in = &last
			}
		case xml.EndElement:
			in = nil
		case xml.CharData:
			if in != nil && len(*in) < 4*maxAuthorName {
				*in += string(t)
			}
		}
	}
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
		if len(c.list) == maxAuthors {
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

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// index parses a small non-negative index below n.
func index(s string, n int) (int, bool) {
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
