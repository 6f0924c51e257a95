package spreadsheet

import (
	"io"
	"sync"
)

// pipe inflates a part on its own goroutine and hands the bytes over in
// chunks, so that one core inflates while the other parses. Bytes come out
// in order, followed by the reader's error (io.EOF at the end).
type pipe struct {
	full   chan chunk
	free   chan []byte
	done   chan struct{}
	wg     sync.WaitGroup
	closer io.Closer
	once   sync.Once

	cur []byte // what is left of the chunk being read
	buf []byte // the chunk's buffer, to give back
	err error
}

type chunk struct {
	b   []byte
	err error
}

const (
	pipeChunk  = 256 << 10
	pipeChunks = 4
)

// startPipe starts reading r; closer (the part's reader) is closed by
// Close once the goroutine has stopped.
func startPipe(r io.Reader, closer io.Closer) *pipe {
	p := &pipe{full: make(chan chunk, pipeChunks), free: make(chan []byte, pipeChunks), done: make(chan struct{}), closer: closer}
	for range pipeChunks {
		p.free <- make([]byte, pipeChunk)
	}
	p.wg.Add(1)
	go p.run(r)
	return p
}

func (p *pipe) run(r io.Reader) {
	defer p.wg.Done()
	for {
		var b []byte
		select {
		case b = <-p.free:
		case <-p.done:
			return
		}
		n, err := io.ReadFull(r, b[:cap(b)])
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case p.full <- chunk{b[:n], err}:
		case <-p.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (p *pipe) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.buf != nil {
			p.free <- p.buf[:cap(p.buf)]
			p.buf = nil
		}
		if p.err != nil {
			return 0, p.err
		}
		c := <-p.full
		p.cur, p.buf, p.err = c.b, c.b, c.err
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// Close stops the goroutine and closes the part's reader.
func (p *pipe) Close() error {
	var err error
	p.once.Do(func() {
		close(p.done)
		p.wg.Wait()
		err = p.closer.Close()
	})
	return err
}
