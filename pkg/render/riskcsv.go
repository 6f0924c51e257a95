package render

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/huller/huller/pkg/risk"
	"github.com/huller/huller/pkg/safetext"
)

// riskCSVHeader are the columns of huller risk's CSV output: one row per
// competence (area basis or profile-leaf) and profile (area profile).
var riskCSVHeader = []string{"area", "profile", "id", "name", "finding_kind", "finding_tier",
	"coverage", "holders", "fitting", "opens", "worsens", "depth", "path",
	"at_target", "one_below_target", "meet_required", "one_below_required",
	"one_short", "expected", "expected_fitting", "expected_one_short",
	"train", "train_short", "train_close", "train_cost", "train_course", "train_participants"}

// riskCSV writes one row per node; cells that do not apply are empty.
func (v *view) riskCSV(w io.Writer, rep *risk.Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(riskCSVHeader); err != nil {
		return err
	}
	itoa := func(n int32) string { return strconv.Itoa(int(n)) }
	row := make([]string, len(riskCSVHeader))
	for i, n := range rep.Nodes {
		clear(row)
		node := v.nodeOf(i)
		b := n.Bench
		switch {
		case v.isProfile(i):
			row[0] = "profile"
			row[8] = itoa(n.Now.Profile.Fitting)
			row[17], row[18], row[19], row[20] = itoa(b.OneShort), itoa(b.Expected), itoa(b.ExpectedFitting), itoa(b.ExpectedOneShort)
		default:
			row[0] = "basis"
			if node.Profile != nil {
				row[0], row[1] = "profile-leaf", node.Profile.ID
			}
			if cov, ok := n.Now.Leaf.Coverage(); ok && node.Profile == nil {
				row[6] = strconv.FormatFloat(cov, 'f', -1, 64)
			}
			row[7] = itoa(n.Now.Leaf.Holders)
			row[13], row[14] = itoa(b.AtTarget), itoa(b.OneBelowTarget)
			if node.Profile == nil {
				row[15], row[16] = itoa(b.MeetRequired), itoa(b.OneBelowRequired)
			}
		}
		row[2], row[3] = safetext.CSV(node.ID), safetext.CSV(v.n.Name(node))
		if f := n.Now.Finding; f.Tier != 0 {
			row[4], row[5] = f.Kind.String(), f.Tier.String()
		}
		row[9], row[10] = itoa(n.Opens), itoa(n.Worsens)
		if n.Depth > 0 {
			row[11], row[12] = itoa(n.Depth), n.Path.String()
		}
		if tr := n.Train; tr != nil {
			row[21] = "develop"
			if tr.Assess {
				row[21] = "assess"
			}
			row[22], row[23] = itoa(tr.Short), itoa(tr.Close)
			if q := tr.Run; q != nil {
				row[24], row[25], row[26] = strconv.FormatInt(q.Cost, 10), safetext.CSV(q.Course.ID), strconv.Itoa(q.Participants)
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
