package limits

// HireCandidates caps the combinations of role and profile huller risk
// measures for the next hire: each costs one pass over the competences,
// and a framework has tens of roles and profiles, not hundreds.
const HireCandidates = 10_000
