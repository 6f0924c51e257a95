package xlsxstream

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/huller/huller/pkg/outfile"
	"github.com/klauspost/compress/flate"
)

// sortedZip is an excelize.ZipWriter that makes the workbook's bytes depend
// on its content only. excelize writes streamed sheets in map order and,
// once a sheet has a drawing, the <Default> elements of [Content_Types].xml
// in map order too; sortedZip keeps every part compressed (in memory, beyond
// memLimit in a temporary file), sorts the <Default> elements, and on Close
// writes the parts in name order with fixed headers (no timestamps) to out.
// Transforms rewrite chosen parts on the way: the sheets' data rows are
// spliced in by one (see table).
//
// The work runs on every core, and the bytes do not depend on how it is
// scheduled:
//   - a part with a transform (a big sheet) is transformed on a goroutine of
//     its own as soon as it is complete, so that the sheets are rendered side
//     by side;
//   - every part is cut into chunks of chunkSize bytes as its bytes arrive,
//     and the chunks are deflated on up to GOMAXPROCS goroutines, each with a
//     fresh deflate state; joined in order they make one deflate stream (each
//     chunk but the last ends with a sync flush), so a part's compressed
//     bytes depend on its bytes only;
//   - the parts are written on Close, in name order, when all are done.
//
// Memory stays bounded: a transform holds one chunk at a time (it waits
// while GOMAXPROCS chunks are being deflated), and the compressed chunks
// move to a temporary file beyond memLimit. The deflater is
// github.com/klauspost/compress/flate, which at BestSpeed takes half the CPU
// time of compress/flate on the report's XML and writes 2–5 % less.
type sortedZip struct {
	out   io.Writer
	level int
	parts []*part
	cur   *part
	sem   chan struct{}
	err   error
	// writers are deflate writers at level for reuse
	writers sync.Pool
	// chunkSize is the size of the chunks a part is deflated in; memLimit
	// the compressed bytes kept in memory before they move to a file
	chunkSize, memLimit int

	// transforms rewrite a part before it is compressed: the part's bytes
	// are held until it is complete, then the transform writes the new
	// content.
	transforms map[string]func(data []byte, w io.Writer) error

	// Deflated chunks stay in memory up to memLimit in all, then move to a
	// temporary file in tmpDir.
	tmpDir string
	mu     sync.Mutex
	mem    int64
	spill  *os.File
	off    int64
	chunks []*chunk // every chunk, for the move to the file
}

// The defaults of sortedZip's chunkSize and memLimit.
const (
	chunkSize = 1 << 20
	memLimit  = 8 << 20
)

// part is one file of the archive.
type part struct {
	name      string
	z         *sortedZip
	transform func([]byte, io.Writer) error
	held      []byte // the bytes so far when transform is set
	buf       []byte
	size      uint64
	crc       uint32
	chunks    []*chunk
	wg        sync.WaitGroup
	err       error // of the transform
}

// chunk is the deflated form of one chunk of a part: in memory (data) or
// in the spill file (off, n).
type chunk struct {
	data   []byte
	off, n int64
	err    error
}

var (
	bufPool   = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	chunkPool = sync.Pool{New: func() any { b := make([]byte, 0, chunkSize); return &b }}
)

// deflater returns a deflate writer to out from the pool.
func (z *sortedZip) deflater(out io.Writer) (*flate.Writer, error) {
	if w, ok := z.writers.Get().(*flate.Writer); ok {
		w.Reset(out)
		return w, nil
	}
	return flate.NewWriter(out, z.level)
}

// newSortedZip returns a sortedZip writing to out at deflate level, with
// compressed parts beyond memLimit in a temporary file in tmpDir.
func newSortedZip(out io.Writer, level int, tmpDir string, transforms map[string]func([]byte, io.Writer) error) *sortedZip {
	if transforms == nil {
		transforms = map[string]func([]byte, io.Writer) error{}
	}
	transforms["[Content_Types].xml"] = func(b []byte, w io.Writer) error {
		_, err := w.Write(sortDefaults(b))
		return err
	}
	return &sortedZip{out: out, level: level, tmpDir: tmpDir, transforms: transforms,
		sem: make(chan struct{}, max(1, runtime.GOMAXPROCS(0))), chunkSize: chunkSize, memLimit: memLimit}
}

// store keeps a deflated chunk in memory or in the spill file.
func (z *sortedZip) store(c *chunk, b []byte) error {
	z.mu.Lock()
	defer z.mu.Unlock()
	z.chunks = append(z.chunks, c)
	c.n = int64(len(b))
	if z.spill == nil && z.mem+c.n <= int64(z.memLimit) {
		c.data = slices.Clone(b)
		z.mem += c.n
		return nil
	}
	if z.spill == nil {
		f, err := outfile.TempFile(z.tmpDir, "huller-report-*")
		if err != nil {
			return err
		}
		if runtime.GOOS != "windows" {
			os.Remove(f.Name()) // read only through f: nothing is left behind, whatever happens
		}
		z.spill = f
		for _, o := range z.chunks {
			if o.data != nil {
				if err := z.write(o, o.data); err != nil {
					return err
				}
				o.data = nil
			}
		}
		z.mem = 0
	}
	return z.write(c, b)
}

func (z *sortedZip) write(c *chunk, b []byte) error {
	if _, err := z.spill.WriteAt(b, z.off); err != nil {
		return err
	}
	c.off = z.off
	z.off += int64(len(b))
	return nil
}

// reader returns the bytes of a stored chunk.
func (z *sortedZip) reader(c *chunk) io.Reader {
	if c.data != nil {
		return bytes.NewReader(c.data)
	}
	return io.NewSectionReader(z.spill, c.off, c.n)
}

// removeSpill deletes the spill file.
func (z *sortedZip) removeSpill() {
	if z.spill != nil {
		outfile.Remove(z.spill)
		z.spill = nil
	}
}

// Create starts a new part; the previous one is complete.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if z.err != nil {
		return nil, z.err
	}
	if z.cur != nil {
		if z.err = z.cur.finish(); z.err != nil {
			return nil, z.err
		}
	}
	for _, p := range z.parts {
		if p.name == name {
			return nil, errors.New("duplicate zip entry " + name)
		}
	}
	z.cur = &part{name: name, z: z, transform: z.transforms[name]}
	z.parts = append(z.parts, z.cur)
	return z.cur, nil
}

// AddFS adds the files of fsys in name order.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
}

// Write adds p to the part, deflating every full chunk in the background.
func (p *part) Write(b []byte) (int, error) {
	n := len(b)
	if p.transform != nil {
		p.held = append(p.held, b...)
		return n, nil
	}
	p.size += uint64(n)
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	size := p.z.chunkSize
	for len(b) > 0 {
		if p.buf == nil {
			if size == chunkSize {
				p.buf = (*chunkPool.Get().(*[]byte))[:0]
			} else {
				p.buf = make([]byte, 0, size)
			}
		}
		k := min(len(b), size-len(p.buf))
		p.buf = append(p.buf, b[:k]...)
		b = b[k:]
		if len(p.buf) == size {
			p.flush(false)
		}
	}
	return n, nil
}

// flush deflates the buffered bytes as the part's next chunk.
func (p *part) flush(last bool) {
	data := p.buf
	p.buf = nil
	c := &chunk{}
	p.chunks = append(p.chunks, c)
	p.wg.Add(1)
	p.z.sem <- struct{}{}
	go func() {
		defer func() { <-p.z.sem; p.wg.Done() }()
		if cap(data) == chunkSize {
			defer chunkPool.Put(&data)
		}
		out := bufPool.Get().(*bytes.Buffer)
		out.Reset()
		defer bufPool.Put(out)
		w, err := p.z.deflater(out)
		if err == nil {
			defer p.z.writers.Put(w)
			if _, err = w.Write(data); err == nil {
				if last {
					err = w.Close()
				} else {
					err = w.Flush()
				}
			}
		}
		if err == nil {
			err = p.z.store(c, out.Bytes())
		}
		c.err = err
	}()
}

// finish deflates what is left of the part. A part with a transform is
// transformed and deflated in the background, so that the sheets' rows are
// rendered on several cores; Close waits for it.
func (p *part) finish() error {
	t := p.transform
	if t == nil {
		p.flush(true)
		return nil
	}
	p.transform = nil
	data := p.held
	p.held = nil
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		if p.err = t(data, p); p.err == nil {
			p.flush(true)
		}
	}()
	return nil
}

// Close writes the archive: the parts in name order.
func (z *sortedZip) Close() error {
	if z.cur != nil && z.err == nil {
		z.err = z.cur.finish()
	}
	z.cur = nil
	for _, p := range z.parts {
		p.wg.Wait()
	}
	defer z.removeSpill()
	if z.err != nil {
		return z.err
	}
	slices.SortFunc(z.parts, func(a, b *part) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.out)
	for _, p := range z.parts {
		var csize uint64
		if p.err != nil {
			return p.err
		}
		for _, c := range p.chunks {
			if c.err != nil {
				return c.err
			}
			csize += uint64(c.n)
		}
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			//lint:ignore SA1019 the MS-DOS date alone, as Excel writes it: Modified would add a timestamp field
			ModifiedDate:     1<<5 | 1, // 1980-01-01 00:00
			CompressedSize64: csize, UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		for _, c := range p.chunks {
			if _, err := io.Copy(w, z.reader(c)); err != nil {
				return err
			}
		}
		p.chunks = nil
	}
	z.parts = nil
	return zw.Close()
}

var defaultRE = regexp.MustCompile(`<Default [^>]*?(?:/>|></Default>)`)

// sortDefaults sorts the <Default> elements of [Content_Types].xml, which
// excelize writes in map order once the workbook has a drawing.
func sortDefaults(b []byte) []byte {
	loc := defaultRE.FindAllIndex(b, -1)
	if len(loc) < 2 {
		return b
	}
	for i := 1; i < len(loc); i++ {
		if loc[i][0] != loc[i-1][1] { // not one run: leave it alone
			return b
		}
	}
	elems := make([][]byte, len(loc))
	for i, l := range loc {
		elems[i] = b[l[0]:l[1]]
	}
	slices.SortFunc(elems, bytes.Compare)
	out := make([]byte, 0, len(b))
	out = append(out, b[:loc[0][0]]...)
	for _, e := range elems {
		out = append(out, e...)
	}
	return append(out, b[loc[len(loc)-1][1]:]...)
}
