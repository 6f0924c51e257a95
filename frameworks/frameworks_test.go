package frameworks_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/huller/huller/frameworks"
	"github.com/huller/huller/pkg/framework"
)

func load(t *testing.T, id string) *framework.Framework {
	t.Helper()
	fw, diags := framework.NewLoader(frameworks.FS).Check(id)
	if len(diags) > 0 {
		t.Fatalf("%s: %s", id, diags.Error())
	}
	return fw
}

// TestCounts pins the structure of each source document as encoded.
func TestCounts(t *testing.T) {
	want := map[string]framework.Summary{
		"fagligheder-fase3": {Groups: 4, BasisLeaves: 22, Profiles: 6, ProfileLeaves: 31, Roles: 5},
		"fagprofiler-basis": {Groups: 5, BasisLeaves: 5, Profiles: 0, ProfileLeaves: 0, Roles: 1},
		"koordinator-mreze": {Groups: 3, BasisLeaves: 36, Profiles: 0, ProfileLeaves: 0, Roles: 1},
		"lkb-2006":          {Groups: 3, BasisLeaves: 27, Profiles: 4, ProfileLeaves: 37, Roles: 5},
		"viborg-kar":        {Groups: 4, BasisLeaves: 24, Profiles: 3, ProfileLeaves: 60, Roles: 3},
	}
	ids := framework.NewLoader(frameworks.FS).Builtins()
	if len(ids) != len(want) {
		t.Errorf("built-ins = %v, want %d", ids, len(want))
	}
	for _, id := range ids {
		fw := load(t, id)
		if fw.ID != id {
			t.Errorf("%s.yaml has id %q; a built-in's id is its file name", id, fw.ID)
		}
		if got := fw.Summary(); got != want[id] {
			t.Errorf("%s: counts %+v, want %+v", id, got, want[id])
		}
	}
}

func TestFaglighederFase3Structure(t *testing.T) {
	fw := load(t, frameworks.Default)
	var groups []string
	for _, g := range fw.Basis {
		groups = append(groups, g.ID)
	}
	if !reflect.DeepEqual(groups, []string{"1", "2", "3", "4"}) {
		t.Errorf("groups = %v", groups)
	}
	perGroup := map[string]int{"1": 6, "2": 7, "3": 3, "4": 6}
	for id, n := range perGroup {
		if got := len(fw.Node(id).Leaves); got != n {
			t.Errorf("group %s has %d leaves, want %d", id, got, n)
		}
	}
	profiles := []struct {
		id    string
		items int
	}{{"virksomhed", 9}, {"kompetence", 4}, {"koordination", 3}, {"empowerment", 5}, {"integration", 5}, {"udvikling", 5}}
	for i, p := range profiles {
		n := fw.Profiles[i]
		if n.ID != p.id || len(n.Leaves) != p.items || n.Focus == nil {
			t.Errorf("profile %d: %s with %d items (focus %v), want %s with %d", i, n.ID, len(n.Leaves), n.Focus, p.id, p.items)
		}
		for j, l := range n.Leaves {
			if want := fmt.Sprintf("%s.%d", p.id, j+1); l.ID != want {
				t.Errorf("profile %s item %d has id %s, want %s", p.id, j, l.ID, want)
			}
		}
	}
	for _, r := range []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"} {
		if fw.Role(r) == nil {
			t.Errorf("role %s missing", r)
		}
	}
}

func TestKoordinatorMrezeStructure(t *testing.T) {
	fw := load(t, "koordinator-mreze")
	competences := 0
	for _, g := range fw.Basis {
		competences += len(g.Children)
	}
	if competences != 19 {
		t.Errorf("%d competences, want 19", competences)
	}
	if first, last := fw.Leaves[0].ID, fw.Leaves[len(fw.Leaves)-1].ID; first != "1.1.1" || last != "3.6.1" {
		t.Errorf("leaves run %s..%s, want 1.1.1..3.6.1", first, last)
	}
	// The source gives only a heading for 1.8.3–1.8.5; every other
	// sub-competence has its bullet indicators.
	for _, l := range fw.Leaves {
		headingOnly := l.ID == "1.8.3" || l.ID == "1.8.4" || l.ID == "1.8.5"
		if (len(l.Indicators) == 0) != headingOnly {
			t.Errorf("%s has %d indicators", l.ID, len(l.Indicators))
		}
	}
	if fw.Role("koordinator") == nil {
		t.Error("role koordinator missing")
	}
	// Four main groups, further groups, and three countries' own.
	var names []string
	for _, g := range fw.TargetGroups {
		names = append(names, fmt.Sprintf("%s/%d", g.Name["en"], len(g.Items)))
	}
	if want := []string{"Main groups of hard-to-employ people/4", "Other hard-to-employ people/9", "Slovenia/2", "France/16", "Italy/5"}; !reflect.DeepEqual(names, want) {
		t.Errorf("target groups %v, want %v", names, want)
	}
}

type spot struct{ id, name, en string }

// TestBuiltinsMarkWhatIsHullers: in every built-in framework the scale,
// the defaults, every role's levels and every learning-goal assignment are
// marked as huller's, the scale has a teaching level, and every scored
// competence has its learning-goal kinds.
func TestBuiltinsMarkWhatIsHullers(t *testing.T) {
	for _, id := range framework.NewLoader(frameworks.FS).Builtins() {
		fw := load(t, id)
		if fw.Origin != framework.OriginHuller || fw.ScaleOrigin() != framework.OriginHuller {
			t.Errorf("%s: framework origin %q, scale origin %q", id, fw.Origin, fw.ScaleOrigin())
		}
		if lvl, ok := fw.TeachingLevel(); !ok || lvl != fw.MaxLevel() {
			t.Errorf("%s: teaching level %d, %v", id, lvl, ok)
		}
		d := fw.Defaults
		for _, o := range []framework.Origin{d.RequiredOrigin, d.TargetOrigin, d.FitOrigin} {
			if o != framework.OriginHuller {
				t.Errorf("%s: a default has origin %q", id, o)
			}
		}
		for _, r := range fw.Roles {
			for _, k := range r.Requires {
				if k.Origin != framework.OriginHuller {
					t.Errorf("%s: role %s level for %s has origin %q", id, r.ID, k.Node, k.Origin)
				}
			}
		}
		for _, l := range fw.Leaves {
			if len(l.LearningGoals) == 0 || l.LearningGoalsOrigin != framework.OriginHuller {
				t.Errorf("%s: leaf %s learning goals %v (%q)", id, l.ID, l.LearningGoals, l.LearningGoalsOrigin)
			}
		}
	}
}

// TestBasicItemsNotSpecialised: no built-in role requires more than level 2
// (Selvstændig) of a competence its source calls basic ("grundlæggende").
func TestBasicItemsNotSpecialised(t *testing.T) {
	for _, id := range framework.NewLoader(frameworks.FS).Builtins() {
		fw := load(t, id)
		if fw.Language != "da" {
			continue
		}
		for _, r := range fw.Roles {
			req := fw.Required(r.Requires)
			for i, l := range fw.BasisLeaves {
				if strings.Contains(strings.ToLower(fw.Wording(l, "da")), "grundlæggende") && req[i] > 2 {
					t.Errorf("%s: role %s requires %d of %s, which the source calls grundlæggende", id, r.ID, req[i], l.ID)
				}
			}
		}
	}
}

// TestSpotChecks compares leaves with the source documents: id, name in the
// original language and English name.
func TestSpotChecks(t *testing.T) {
	tests := []struct {
		framework, lang string
		spots           []spot
	}{
		{"fagligheder-fase3", "da", []spot{
			{"1.1", "Anvender fagsystemer og andre relevante teknologier", "Uses case-management systems and other relevant technologies"},
			{"2.5", "Forståelse af menneskelig adfærd og psykiske udfordringer", "Understanding of human behaviour and mental-health challenges"},
			{"3.3", "Udøver faglige skøn", "Exercises professional discretion"},
			{"4.6", "Gode formidlings- og formuleringsevner", "Good skills in communicating and expressing oneself"},
			{"virksomhed.9", "Matcher virksomhedernes behov for medarbejdere", "Matches employers' need for staff"},
			{"koordination.1", "Afdækker borgerens hele situation", "Maps the citizen's whole situation"},
			{"empowerment.4", "Mestrer stærke samtaletekniske og relationelle kompetencer", "Masters strong conversational and relational skills"},
			{"udvikling.5", "Omsætter bedste praksis til lokale aktiviteter", "Turns best practice into local activities"},
		}},
		{"fagprofiler-basis", "da", []spot{
			{"1", "Organisatorisk kendskab og kompetence", "Organisational knowledge and competence"},
			{"2", "Beskæftigelses- og socialfaglig viden", "Employment and social-work knowledge"},
			{"3", "Myndighedskompetence", "Competence in exercising public authority"},
			{"4", "Borgerinvolvering", "Citizen involvement"},
			{"5", "Samtale og systematik", "Conversation and systematic practice"},
		}},
		{"koordinator-mreze", "sl", []spot{
			{"1.1.1", "Sposobnost zaposlovanja najprimernejšega osebja za doseganje ciljev tima", "Ability to recruit the most suitable staff to achieve the team's goals"},
			{"1.6.2", "Sposobnost vzpostavljanja trdnih odnosov", "Ability to build strong relationships"},
			{"1.8.5", "Sposobnost javnega nastopanja in komuniciranja z mediji", "Ability to speak in public and communicate with the media"},
			{"1.10.1", "Poznavanje veščin finančnega in projektnega vodenja", "Knowledge of financial and project management skills"},
			{"2.2.2", "Poznavanje in promoviranje različnih storitev za težje zaposljive osebe, delodajalce in partnerje", "Knowledge and promotion of the various services for hard-to-employ people, employers and partners"},
			{"2.3.4", "Izvajanje informativnega in prospektivnega proučevanja", "Carrying out information monitoring and foresight"},
			{"3.4.1", "Sposobnost sprejemanja in izvajanja premišljenih strateških odločitev", "Ability to make and implement well-considered strategic decisions"},
			{"3.6.1", "Zavedanje o vplivu digitalne tehnologije na delovne metode", "Awareness of the impact of digital technology on working methods"},
		}},
		{"lkb-2006", "da", []spot{
			{"viden.1", "Lovgivning på beskæftigelsesområdet", "Employment legislation"},
			{"handling.3", "Rådgivning og vejledning af borgeren", "Advising and guiding the citizen"},
			{"holdning.8", "Søge løsninger", "Seek solutions"},
			{"virksomhed.1", "Kendskab til hvordan en virksomhed fungerer", "Knowledge of how a business works"},
			{"etniske-minoriteter.4", "Viden om integration og integrationsprocesser", "Knowledge of integration and integration processes"},
			{"unge.10", "Tænke nyt og utraditionelt", "Think in new, unconventional ways"},
			{"projektmedarbejder.9", "Indgå i teamsamarbejde", "Work in a team"},
		}},
		{"viborg-kar", "da", []spot{
			{"rammer.1", "Kendskab til egen organisation og dens ressourcer", "Knowledge of own organisation and its resources"},
			{"evner.5", "Koordinere indsatsen", "Coordinate the intervention"},
			{"adfaerd.9", "Anvende forsknings- og evidensbaseret viden", "Use research- and evidence-based knowledge"},
			{"beskaeftigelsesfaglig.myndighed.1", "Lovmæssig forvaltning og registrering i \"Min Plan\"", "Lawful administration and recording in \"Min Plan\""},
			{"beskaeftigelsesfaglig.samtale.2", "Små holdforløb", "Small group courses"},
			{"jobkonsulent.virksomhed.5", "Partnerskabsaftaler og specialfunktioner (kun for virksomhedskonsulenter)", "Partnership agreements and special functions (company consultants only)"},
			{"jobindsats.mentor.1", "Viden om kognitive udfordringer", "Knowledge of cognitive challenges"},
			{"jobindsats.samtale.15", "Samarbejde tæt med beskæftigelsesfaglige medarbejdere og jobkonsulenter", "Work closely with employment caseworkers and job consultants"},
		}},
	}
	for _, tt := range tests {
		fw := load(t, tt.framework)
		if fw.Language != tt.lang {
			t.Errorf("%s: language %q, want %q", tt.framework, fw.Language, tt.lang)
		}
		for _, s := range tt.spots {
			n := fw.Node(s.id)
			if n == nil {
				t.Errorf("%s: no node %s", tt.framework, s.id)
				continue
			}
			if got := n.Name[tt.lang]; got != s.name {
				t.Errorf("%s %s: name %q, want %q", tt.framework, s.id, got, s.name)
			}
			if got := n.Name["en"]; got != s.en {
				t.Errorf("%s %s: English name %q, want %q", tt.framework, s.id, got, s.en)
			}
		}
	}
}
