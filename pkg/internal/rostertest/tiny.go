package rostertest

// Tiny is a framework small enough to compute every figure by hand. Scale
// 0–4 (None, Basic, Independent, Specialist, Expert), defaults required 2,
// target 3, fit 0.75. Basis: groups A (A1; A2 with A2a, A2b) and B (B1),
// so basis leaves in framework order A1, A2a, A2b, B1. Profiles: P (P1–P4,
// target 3: need 3 of 4) and Q (Q1, Q2, target 2: need 2 of 2). Roles:
// lead (A 3, B 0, profile P) and aide (A2b 1).
const Tiny = `
id: tiny
title: Tiny
language: en
scale:
  - {level: 0, label: None}
  - {level: 1, label: Basic}
  - {level: 2, label: Independent}
  - {level: 3, label: Specialist}
  - {level: 4, label: Expert}
defaults: {required: 2, target: 3, fit: 0.75}
basis:
  - id: A
    name: Group A
    items:
      - {id: A1, name: A one}
      - id: A2
        name: A two
        items:
          - {id: A2a, name: A two a}
          - {id: A2b, name: A two b}
  - id: B
    name: Group B
    items:
      - {id: B1, name: B one}
profiles:
  - id: P
    name: Profile P
    items:
      - {id: P1, name: P one}
      - {id: P2, name: P two}
      - {id: P3, name: P three}
      - {id: P4, name: P four}
  - id: Q
    name: Profile Q
    target: 2
    items:
      - {id: Q1, name: Q one}
      - {id: Q2, name: Q two}
roles:
  - id: lead
    name: Lead
    requires: {A: 3, B: 0}
    profiles: [P]
  - id: aide
    name: Aide
    requires: {A2b: 1}
`
