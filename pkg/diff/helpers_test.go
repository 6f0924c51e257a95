package diff

import (
	"strings"
	"testing"

	"github.com/huller/huller/pkg/analysis"
	"github.com/huller/huller/pkg/framework"
	"github.com/huller/huller/pkg/roster"
)

// miniYAML is a small framework: two basis groups of two competences, a
// profile of two, two roles.
const miniYAML = `
id: mini
title: {da: Mini, en: Mini}
language: da
scale:
  - {level: 0, label: {da: Ingen, en: None}}
  - {level: 1, label: {da: Lidt, en: Some}}
  - {level: 2, label: {da: Godt, en: Good}}
  - {level: 3, label: {da: Meget, en: Much}}
  - {level: 4, label: {da: Ekspert, en: Expert}}
defaults: {required: 2, target: 3, fit: 0.75}
basis:
  - id: "1"
    name: {da: Samarbejde, en: Cooperation}
    items:
      - {id: "1.1", name: {da: Kollegaer, en: Colleagues}}
      - {id: "1.2", name: {da: Borgere, en: Citizens}}
  - id: "2"
    name: {da: Jura, en: Law}
    items:
      - {id: "2.1", name: {da: Lovgivning, en: Legislation}}
      - {id: "2.2", name: {da: Afgørelser, en: Decisions}}
profiles:
  - id: p
    name: {da: Profilen, en: The profile}
    items:
      - {id: p.1, name: {da: Et, en: One}}
      - {id: p.2, name: {da: To, en: Two}}
roles:
  - id: konsulent
    name: {da: Konsulent, en: Consultant}
    requires: {"1": 2, "2": 2}
    profiles: [p]
  - id: leder
    name: {da: Leder, en: Leader}
    requires: {"1": 3}
`

func mini(t testing.TB) *framework.Framework {
	t.Helper()
	return parseFramework(t, miniYAML)
}

func parseFramework(t testing.TB, yaml string) *framework.Framework {
	t.Helper()
	fw, err := framework.Parse("mini.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return fw
}

func readRoster(t testing.TB, fw *framework.Framework, name, text string) *roster.Roster {
	t.Helper()
	r, err := roster.Read(roster.Source{Name: name, R: strings.NewReader(text)}, fw, roster.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func input(fw *framework.Framework, r *roster.Roster) Input {
	return Input{Framework: fw, Roster: r, Settings: analysis.DefaultSettings()}
}

func compare(t testing.TB, before, after Input) *Result {
	t.Helper()
	res, err := Compare(before, after, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
