package frameworks_test

// specs pins every built-in framework to its source document.
var specs = []spec{
	{
		id: "fagligheder-fase3", seed: "004_52d74f9900ac9571.txt",
		basis: []pin{
			{"1", seq("1.", 1, 6)}, {"2", seq("2.", 1, 7)}, {"3", seq("3.", 1, 3)}, {"4", seq("4.", 1, 6)},
		},
		profiles: []pin{
			{"virksomhed", seq("virksomhed.", 1, 9)}, {"kompetence", seq("kompetence.", 1, 4)},
			{"koordination", seq("koordination.", 1, 3)}, {"empowerment", seq("empowerment.", 1, 5)},
			{"integration", seq("integration.", 1, 5)}, {"udvikling", seq("udvikling.", 1, 5)},
		},
		roles: []string{"jobkonsulent", "sagsbehandler", "virksomhedskonsulent", "mentor", "administrativ"},
	},
	{
		id: "fagprofiler-basis", seed: "001_62d5049959d9d711.txt",
		basis: []pin{{"1", nil}, {"2", nil}, {"3", nil}, {"4", nil}, {"5", nil}},
		roles: []string{"medarbejder"},
	},
	{
		id: "viborg-kar", seed: "002_8d530a89457e63c6.txt", ocr: true,
		basis: []pin{
			{"rammer", seq("rammer.", 1, 4)}, {"evner", seq("evner.", 1, 6)},
			{"indsigt", seq("indsigt.", 1, 5)}, {"adfaerd", seq("adfaerd.", 1, 9)},
		},
		profiles: []pin{
			{"beskaeftigelsesfaglig", tree("beskaeftigelsesfaglig.myndighed/8 beskaeftigelsesfaglig.mentor/1 beskaeftigelsesfaglig.virksomhed/3 beskaeftigelsesfaglig.samtale/2")},
			{"jobkonsulent", tree("jobkonsulent.myndighed/5 jobkonsulent.mentor/3 jobkonsulent.virksomhed/7 jobkonsulent.samtale/5")},
			{"jobindsats", tree("jobindsats.myndighed/2 jobindsats.mentor/7 jobindsats.virksomhed/2 jobindsats.samtale/15")},
		},
		roles: []string{"beskaeftigelsesfaglig", "jobkonsulent", "jobindsats"},
	},
	{
		id: "lkb-2006", seed: "003_dc87590e7ec1699e.txt",
		basis: []pin{
			{"viden", seq("viden.", 1, 11)}, {"handling", seq("handling.", 1, 8)}, {"holdning", seq("holdning.", 1, 8)},
		},
		profiles: []pin{
			{"virksomhed", seq("virksomhed.", 1, 10)}, {"etniske-minoriteter", seq("etniske-minoriteter.", 1, 8)},
			{"unge", seq("unge.", 1, 10)}, {"projektmedarbejder", seq("projektmedarbejder.", 1, 9)},
		},
		roles: []string{"beskaeftigelsesmedarbejder", "virksomhedskonsulent", "integrationsmedarbejder", "ungemedarbejder", "projektmedarbejder"},
	},
	{
		id: "koordinator-mreze", seed: "000_1b63fafab97d5cc1.txt",
		basis: []pin{
			{"1", tree("1.1/2 1.2/1 1.3/1 1.4/1 1.5/1 1.6/3 1.7/3 1.8/5 1.9/2 1.10/1")},
			{"2", tree("2.1/3 2.2/2 2.3/4")},
			{"3", tree("3.1/2 3.2/1 3.3/1 3.4/1 3.5/1 3.6/1")},
		},
		roles: []string{"koordinator"},
	},
}
