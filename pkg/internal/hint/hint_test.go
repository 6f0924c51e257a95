package hint

import (
	"errors"
	"fmt"
	"testing"
)

func TestWith(t *testing.T) {
	base := errors.New("--without names no one")
	err := fmt.Errorf("risk: %w", With(base, "give %s", "names or ids"))
	var h interface{ Hint() string }
	if !errors.As(err, &h) || h.Hint() != "give names or ids" || !errors.Is(err, base) || err.Error() != "risk: --without names no one" {
		t.Errorf("%v: hint %v", err, h)
	}
}
