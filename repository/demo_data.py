"""Demo experiences: real, public participatory processes described in our own words."""

EXPERIENCES = [
    {
        "slug": "porto-alegre-participatory-budgeting",
        "title": "Participatory budgeting in Porto Alegre",
        "summary": (
            "Since 1989 residents of Porto Alegre have met in neighbourhood and thematic "
            "assemblies to set priorities for a share of the city's investment budget. The "
            "experience became the best-known reference for participatory budgeting worldwide."
        ),
        "place": "Porto Alegre, Rio Grande do Sul",
        "country": "BR",
        "latitude": "-30.03465",
        "longitude": "-51.21766",
        "level": "municipal",
        "start_year": 1989,
        "end_year": None,
        "population": 1332000,
        "topics": ["participatory-budgeting", "transparency", "social-inclusion"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "low-income"],
        "context": (
            "After Brazil's return to democracy, a new municipal administration looked for ways "
            "to open up budget decisions and to redirect public works towards poorer districts. "
            "The city was divided into regions, each holding open assemblies, and a council of "
            "elected delegates negotiated the final investment plan with the municipal "
            "government."
        ),
        "steps": [
            "Open regional and thematic assemblies review the past year",
            "Residents rank investment priorities and elect delegates",
            "A budget council of delegates drafts the investment plan",
            "The city carries out the works and reports back to assemblies",
        ],
        "figures": [
            ("16", "regions holding assemblies in the original design"),
            ("5", "thematic forums added in the 1990s (approx.)"),
        ],
        "lessons": (
            "Linking a simple, transparent rule for sharing funds between regions with real "
            "spending power kept people coming back for years. The process also shows that "
            "participation depends on political commitment: its influence faded when later "
            "administrations gave it less weight."
        ),
        "translations": {
            "fr": {
                "title": "Budget participatif de Porto Alegre",
                "slug": "budget-participatif-porto-alegre",
                "summary": (
                    "Depuis 1989, les habitants de Porto Alegre se réunissent en assemblées de "
                    "quartier et thématiques pour fixer les priorités d'une partie du budget "
                    "d'investissement de la ville. Cette expérience est devenue la référence la "
                    "plus connue du budget participatif dans le monde."
                ),
                "place": "Porto Alegre, Rio Grande do Sul",
                "context": (
                    "Après le retour de la démocratie au Brésil, une nouvelle équipe municipale a "
                    "cherché à ouvrir les décisions budgétaires et à réorienter les travaux "
                    "publics vers les quartiers les plus pauvres. La ville a été divisée en "
                    "régions tenant chacune des assemblées ouvertes, et un conseil de délégués "
                    "élus a négocié le plan d'investissement final avec la mairie."
                ),
                "steps": [
                    "Des assemblées régionales et thématiques ouvertes font le bilan de l'année",
                    "Les habitants classent les priorités et élisent des délégués",
                    "Un conseil du budget composé de délégués élabore le plan d'investissement",
                    "La ville réalise les travaux et rend compte aux assemblées",
                ],
                "figure_labels": [
                    "régions tenant des assemblées dans le dispositif initial",
                    "forums thématiques ajoutés dans les années 1990 (environ)",
                ],
                "lessons": (
                    "Associer une règle simple et transparente de répartition des fonds entre "
                    "régions à un vrai pouvoir de dépense a permis de mobiliser durablement les "
                    "habitants. Le processus montre aussi que la participation dépend de "
                    "l'engagement politique : son influence a décliné lorsque les équipes "
                    "suivantes lui ont accordé moins de poids."
                ),
            },
            "es": {
                "title": "Presupuesto participativo de Porto Alegre",
                "slug": "presupuesto-participativo-porto-alegre",
                "summary": (
                    "Desde 1989, los vecinos de Porto Alegre se reúnen en asambleas barriales y "
                    "temáticas para fijar las prioridades de una parte del presupuesto de "
                    "inversión de la ciudad. La experiencia se convirtió en la referencia más "
                    "conocida del presupuesto participativo en el mundo."
                ),
                "place": "Porto Alegre, Rio Grande do Sul",
                "context": (
                    "Tras el retorno de la democracia en Brasil, un nuevo gobierno municipal "
                    "buscó abrir las decisiones presupuestarias y orientar las obras públicas "
                    "hacia los barrios más pobres. La ciudad se dividió en regiones, cada una con "
                    "asambleas abiertas, y un consejo de delegados electos negoció el plan de "
                    "inversiones final con la alcaldía."
                ),
                "steps": [
                    "Asambleas regionales y temáticas abiertas revisan el año anterior",
                    "Los vecinos ordenan prioridades y eligen delegados",
                    (
                        "Un consejo del presupuesto formado por delegados elabora el plan de "
                        "inversiones"
                    ),
                    "La ciudad ejecuta las obras y rinde cuentas a las asambleas",
                ],
                "figure_labels": [
                    "regiones con asambleas en el diseño original",
                    "foros temáticos añadidos en los años noventa (aprox.)",
                ],
                "lessons": (
                    "Combinar una regla sencilla y transparente para repartir los fondos entre "
                    "regiones con un poder real de gasto mantuvo la participación durante años. "
                    "El proceso muestra también que la participación depende del compromiso "
                    "político: su influencia se debilitó cuando gobiernos posteriores le dieron "
                    "menos peso."
                ),
            },
        },
    },
    {
        "slug": "belo-horizonte-participatory-budgeting",
        "title": "Participatory and digital budgeting in Belo Horizonte",
        "summary": (
            "Belo Horizonte has run a participatory budget since 1993, adding a dedicated track "
            "for social housing in the mid-1990s and an online vote on larger city-wide works in "
            "2006."
        ),
        "place": "Belo Horizonte, Minas Gerais",
        "country": "BR",
        "latitude": "-19.91670",
        "longitude": "-43.93450",
        "level": "municipal",
        "start_year": 1993,
        "end_year": None,
        "population": 2300000,
        "topics": ["participatory-budgeting", "housing", "digital-democracy"],
        "mechanisms": ["participatory-budgeting", "digital-platform"],
        "groups": ["general-public", "low-income"],
        "context": (
            "The capital of Minas Gerais adopted participatory budgeting soon after Porto Alegre "
            "and organised it by administrative region. To tackle the housing shortage in "
            "informal settlements it created a separate participatory process for social housing, "
            "and it later tried internet voting to reach residents who rarely attend meetings."
        ),
        "steps": [
            "Regional assemblies gather residents and community groups",
            "Caravans of delegates visit the proposed works",
            "Delegates vote on the regional list of investments",
            "Online ballot on city-wide projects in digital editions",
        ],
        "figures": [
            ("9", "administrative regions"),
            ("170000", "online voters in the 2006 digital edition (approx.)"),
        ],
        "lessons": (
            "Separate tracks for housing and for online voting let the city adapt one model to "
            "different needs. Online editions reached many more voters, but face-to-face "
            "assemblies remained important for deliberation and for monitoring the works."
        ),
    },
    {
        "slug": "brazil-national-public-policy-conferences",
        "title": "National public policy conferences in Brazil",
        "summary": (
            "Brazil's national conferences bring together citizens, civil society and officials "
            "in stages from the municipal to the national level to propose guidelines for areas "
            "such as health, women's rights, disability and the environment."
        ),
        "place": "Brasília (national process)",
        "country": "BR",
        "latitude": "-15.79389",
        "longitude": "-47.88278",
        "level": "national",
        "start_year": 2003,
        "end_year": None,
        "population": 210000000,
        "topics": ["health", "gender", "social-inclusion"],
        "mechanisms": ["consultation", "participatory-planning"],
        "groups": ["general-public", "disabilities"],
        "context": (
            "Conferences had existed in the health sector for decades, but from 2003 the federal "
            "government extended them to many policy fields. Each cycle starts with local and "
            "state meetings that adopt proposals and elect delegates, and ends with a national "
            "conference whose resolutions go to the ministry concerned and to the related "
            "national council."
        ),
        "steps": [
            "Municipal and regional conferences discuss a national theme",
            "State conferences merge proposals and elect delegates",
            "The national conference votes on final resolutions",
            "Councils and ministries follow up on the resolutions",
        ],
        "figures": [
            ("70", "national conferences held between 2003 and 2010 (approx.)"),
            ("5000000", "participants across all stages, 2003-2010 (approx.)"),
        ],
        "lessons": (
            "Multi-level conferences can involve millions of people and give marginalised groups "
            "a channel to the federal government. Their impact depends on whether ministries and "
            "parliament turn resolutions into policy, which varied greatly between sectors and "
            "governments."
        ),
    },
    {
        "slug": "paris-participatory-budget",
        "title": "Paris participatory budget",
        "summary": (
            "Since 2014 Parisians of all ages have proposed and voted on projects funded from "
            "about 5 percent of the city's investment budget, making it one of the largest "
            "participatory budgets in the world by amount."
        ),
        "place": "Paris, Île-de-France",
        "country": "FR",
        "latitude": "48.85661",
        "longitude": "2.35222",
        "level": "municipal",
        "start_year": 2014,
        "end_year": None,
        "population": 2100000,
        "budget": ("100000000", "EUR"),
        "topics": ["participatory-budgeting", "urban-planning", "environment"],
        "mechanisms": ["participatory-budgeting", "digital-platform"],
        "groups": ["general-public", "children"],
        "context": (
            "The city committed to devoting around half a billion euros to residents' projects "
            "over the 2014-2020 term. Proposals are submitted online, checked by city departments "
            "for feasibility and then put to a vote online and at ballot points. A share of the "
            "money is reserved for working-class neighbourhoods, and schools run their own "
            "version with pupils."
        ),
        "steps": [
            "Residents submit project ideas online",
            "City departments check feasibility and cost",
            "Workshops merge similar proposals",
            "Public vote online and at ballot points",
        ],
        "figures": [
            ("5", "percent of the city's investment budget (approx.)"),
            ("500000000", "euros committed over the 2014-2020 term (approx.)"),
        ],
        "lessons": (
            "A large, clearly announced budget attracts many proposals and voters, but it also "
            "requires strong administrative capacity to deliver projects on time. Reserving funds "
            "for disadvantaged areas helped counter the tendency of better-off districts to "
            "dominate the vote."
        ),
        "translations": {
            "fr": {
                "title": "Budget participatif de Paris",
                "slug": "budget-participatif-paris",
                "summary": (
                    "Depuis 2014, les Parisiens de tous âges proposent et votent des projets "
                    "financés par environ 5 % du budget d'investissement de la ville, ce qui en "
                    "fait l'un des plus importants budgets participatifs au monde en montant."
                ),
                "place": "Paris, Île-de-France",
                "context": (
                    "La ville s'est engagée à consacrer environ un demi-milliard d'euros aux "
                    "projets des habitants pendant la mandature 2014-2020. Les propositions sont "
                    "déposées en ligne, étudiées par les services municipaux puis soumises au "
                    "vote en ligne et dans des points de vote. Une part de l'enveloppe est "
                    "réservée aux quartiers populaires et les écoles organisent leur propre "
                    "version avec les élèves."
                ),
                "steps": [
                    "Les habitants déposent leurs idées de projets en ligne",
                    "Les services de la ville vérifient la faisabilité et le coût",
                    "Des ateliers regroupent les propositions similaires",
                    "Vote public en ligne et dans des points de vote",
                ],
                "figure_labels": [
                    "pour cent du budget d'investissement de la ville (environ)",
                    "euros engagés sur la mandature 2014-2020 (environ)",
                ],
                "lessons": (
                    "Un budget important et clairement annoncé attire de nombreuses propositions "
                    "et de nombreux votants, mais il exige une forte capacité administrative pour "
                    "réaliser les projets à temps. Réserver des fonds aux quartiers défavorisés a "
                    "aidé à contrebalancer la tendance des arrondissements plus aisés à dominer "
                    "le vote."
                ),
            },
            "es": {
                "title": "Presupuesto participativo de París",
                "slug": "presupuesto-participativo-paris",
                "summary": (
                    "Desde 2014, los parisinos de todas las edades proponen y votan proyectos "
                    "financiados con cerca del 5 % del presupuesto de inversión de la ciudad, lo "
                    "que lo convierte en uno de los mayores presupuestos participativos del mundo "
                    "por su monto."
                ),
                "place": "París, Isla de Francia",
                "context": (
                    "La ciudad se comprometió a dedicar cerca de quinientos millones de euros a "
                    "proyectos vecinales durante el mandato 2014-2020. Las propuestas se "
                    "presentan en línea, los servicios municipales estudian su viabilidad y luego "
                    "se someten a votación en línea y en puntos de votación. Una parte de los "
                    "fondos se reserva para los barrios populares y las escuelas organizan su "
                    "propia versión con el alumnado."
                ),
                "steps": [
                    "Los vecinos presentan ideas de proyectos en línea",
                    "Los servicios municipales revisan viabilidad y costo",
                    "Talleres agrupan las propuestas similares",
                    "Votación pública en línea y en puntos de votación",
                ],
                "figure_labels": [
                    "por ciento del presupuesto de inversión de la ciudad (aprox.)",
                    "euros comprometidos en el mandato 2014-2020 (aprox.)",
                ],
                "lessons": (
                    "Un presupuesto grande y bien anunciado atrae muchas propuestas y votantes, "
                    "pero exige una fuerte capacidad administrativa para ejecutar los proyectos a "
                    "tiempo. Reservar fondos para los barrios desfavorecidos ayudó a "
                    "contrarrestar la tendencia de los distritos más acomodados a dominar la "
                    "votación."
                ),
            },
        },
    },
    {
        "slug": "france-citizens-convention-for-climate",
        "title": "Citizens' Convention for Climate in France",
        "summary": (
            "In 2019-2020, 150 people living in France and drawn by lot met over seven weekend "
            "sessions to design measures cutting greenhouse gas emissions by at least 40 percent "
            "by 2030 in a spirit of social justice, producing 149 proposals."
        ),
        "place": "France (sessions in Paris)",
        "country": "FR",
        "latitude": "48.86475",
        "longitude": "2.29420",
        "level": "national",
        "start_year": 2019,
        "end_year": 2020,
        "population": 67000000,
        "topics": ["climate", "sortition"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "The President set up the convention after the yellow vest protests and a national "
            "debate, promising that its proposals would be passed on without filter to a "
            "referendum, to parliament or to regulation. The Economic, Social and Environmental "
            "Council hosted it, and experts, facilitators and a governance committee supported "
            "the members."
        ),
        "steps": [
            "Random selection of 150 members reflecting the population",
            "Learning phase with experts and stakeholders",
            "Thematic working groups draft measures",
            "Plenary votes and handover to the government",
        ],
        "figures": [
            ("150", "members drawn by lot"),
            ("149", "proposals adopted"),
            ("40", "percent emission cut targeted for 2030 compared with 1990"),
        ],
        "lessons": (
            "The convention showed that randomly selected people can produce detailed and "
            "ambitious climate policy. The initial promise of adoption without filter was only "
            "partly kept, however, and the gap between expectations and the later climate law "
            "caused disappointment among members."
        ),
    },
    {
        "slug": "decide-madrid",
        "title": "Decide Madrid digital participation platform",
        "summary": (
            "Launched in 2015, Decide Madrid lets residents propose and debate ideas, comment on "
            "draft regulations and vote on the city's participatory budget online, using the "
            "open-source Consul software later adopted by many other institutions."
        ),
        "place": "Madrid, Community of Madrid",
        "country": "ES",
        "latitude": "40.41678",
        "longitude": "-3.70379",
        "level": "municipal",
        "start_year": 2015,
        "end_year": None,
        "population": 3300000,
        "budget": ("100000000", "EUR"),
        "topics": ["digital-democracy", "participatory-budgeting", "transparency"],
        "mechanisms": ["digital-platform", "participatory-budgeting"],
        "groups": ["general-public"],
        "context": (
            "A new city government wanted to give residents direct influence over local "
            "decisions. It built an online platform where proposals reaching a support threshold "
            "could go to a city-wide vote, alongside a participatory budget that reached about "
            "100 million euros a year. The code was released as free software and shared "
            "internationally."
        ),
        "steps": [
            "Residents register and post proposals or budget projects",
            "Supports are collected during a fixed period",
            "Technical review of the most supported projects",
            "Final vote online and in person",
        ],
        "figures": [
            ("100000000", "euros of participatory budget per year at its peak (approx.)"),
            ("100", "institutions worldwide reusing the Consul software (approx.)"),
        ],
        "lessons": (
            "Open-source tools make it cheaper for other cities to start, but a platform alone "
            "does not guarantee influence. Very few citizen proposals reached the high support "
            "threshold, which prompted debate about combining online support with deliberation "
            "and random selection."
        ),
    },
    {
        "slug": "barcelona-decidim",
        "title": "Decidim Barcelona participatory platform",
        "summary": (
            "Barcelona created Decidim in 2016 to draw up its municipal action plan with "
            "residents, and has since used the open-source platform for participatory budgets, "
            "planning processes and consultations."
        ),
        "place": "Barcelona, Catalonia",
        "country": "ES",
        "latitude": "41.38506",
        "longitude": "2.17340",
        "level": "municipal",
        "start_year": 2016,
        "end_year": None,
        "population": 1600000,
        "topics": ["digital-democracy", "urban-planning", "transparency"],
        "mechanisms": ["digital-platform", "participatory-planning"],
        "groups": ["general-public"],
        "context": (
            "The city council combined online proposals with hundreds of face-to-face meetings to "
            "draft its strategic plan for the term. Decidim was designed as public, free and "
            "auditable infrastructure governed by a community of users and developers, and it has "
            "since spread to many other cities and governments."
        ),
        "steps": [
            "The council opens a process with a calendar and rules",
            "Residents propose, comment on and support ideas online",
            "Results of face-to-face meetings are added to the platform",
            "The council publishes answers and tracks implementation",
        ],
        "figures": [
            ("40000", "participants in the 2016 municipal action plan (approx.)"),
            ("10000", "proposals submitted in 2016 (approx.)"),
        ],
        "lessons": (
            "Treating the platform as public infrastructure with open code and shared governance "
            "helped it spread far beyond Barcelona. Publishing an answer and a follow-up status "
            "for every proposal proved essential for trust, as did combining online and offline "
            "participation."
        ),
        "translations": {
            "fr": {
                "title": "Plateforme participative Decidim à Barcelone",
                "slug": "decidim-barcelone",
                "summary": (
                    "Barcelone a créé Decidim en 2016 pour élaborer son plan d'action municipal "
                    "avec les habitants, et utilise depuis cette plateforme libre pour ses "
                    "budgets participatifs, ses démarches de planification et ses consultations."
                ),
                "place": "Barcelone, Catalogne",
                "context": (
                    "La mairie a combiné propositions en ligne et centaines de réunions en "
                    "présentiel pour rédiger son plan stratégique du mandat. Decidim a été conçu "
                    "comme une infrastructure publique, libre et auditable, gouvernée par une "
                    "communauté d'utilisateurs et de développeurs, et s'est depuis diffusé dans "
                    "de nombreuses villes et administrations."
                ),
                "steps": [
                    "La mairie ouvre une démarche avec un calendrier et des règles",
                    "Les habitants proposent, commentent et soutiennent des idées en ligne",
                    "Les résultats des réunions en présentiel sont ajoutés à la plateforme",
                    "La mairie publie ses réponses et suit la mise en œuvre",
                ],
                "figure_labels": [
                    "participants au plan d'action municipal de 2016 (environ)",
                    "propositions déposées en 2016 (environ)",
                ],
                "lessons": (
                    "Traiter la plateforme comme une infrastructure publique, au code ouvert et à "
                    "la gouvernance partagée, a favorisé sa diffusion bien au-delà de Barcelone. "
                    "Publier une réponse et un état d'avancement pour chaque proposition s'est "
                    "révélé essentiel pour la confiance, tout comme l'articulation entre "
                    "participation en ligne et hors ligne."
                ),
            },
            "es": {
                "title": "Plataforma participativa Decidim Barcelona",
                "slug": "decidim-barcelona",
                "summary": (
                    "Barcelona creó Decidim en 2016 para elaborar su plan de actuación municipal "
                    "con la ciudadanía y desde entonces usa esta plataforma de código abierto "
                    "para presupuestos participativos, procesos de planificación y consultas."
                ),
                "place": "Barcelona, Cataluña",
                "context": (
                    "El ayuntamiento combinó propuestas en línea con cientos de encuentros "
                    "presenciales para redactar su plan estratégico del mandato. Decidim se "
                    "diseñó como una infraestructura pública, libre y auditable, gobernada por "
                    "una comunidad de usuarios y desarrolladores, y se ha extendido a muchas "
                    "otras ciudades y gobiernos."
                ),
                "steps": [
                    "El ayuntamiento abre un proceso con calendario y reglas",
                    "La ciudadanía propone, comenta y apoya ideas en línea",
                    "Los resultados de los encuentros presenciales se suman a la plataforma",
                    "El ayuntamiento publica respuestas y hace seguimiento de la ejecución",
                ],
                "figure_labels": [
                    "participantes en el plan de actuación municipal de 2016 (aprox.)",
                    "propuestas presentadas en 2016 (aprox.)",
                ],
                "lessons": (
                    "Tratar la plataforma como infraestructura pública, con código abierto y "
                    "gobernanza compartida, favoreció su difusión mucho más allá de Barcelona. "
                    "Publicar una respuesta y un estado de seguimiento para cada propuesta "
                    "resultó clave para la confianza, igual que combinar la participación en "
                    "línea y presencial."
                ),
            },
        },
    },
    {
        "slug": "iceland-participatory-constitution",
        "title": "Iceland's participatory constitution drafting",
        "summary": (
            "After the 2008 banking collapse, Iceland drafted a new constitution through a "
            "national forum of randomly selected citizens, a council of 25 citizens and online "
            "comments from the public, followed by an advisory referendum in 2012."
        ),
        "place": "Iceland",
        "country": "IS",
        "latitude": "64.14700",
        "longitude": "-21.94000",
        "level": "national",
        "start_year": 2010,
        "end_year": 2012,
        "population": 320000,
        "topics": ["legal-frameworks", "digital-democracy", "sortition"],
        "mechanisms": ["consultation", "referendum"],
        "groups": ["general-public"],
        "context": (
            "Loss of trust in institutions after the financial crisis led parliament to launch a "
            "constitutional review. A forum of about 950 people, mostly drawn by lot, set out "
            "core values in 2010, and a council then wrote a draft while posting its work online "
            "for comments. Voters backed the draft as a basis in 2012, but parliament never "
            "adopted it."
        ),
        "steps": [
            "A national forum of about 950 people sets out core values",
            "A council of 25 citizens writes the draft",
            "Drafts are posted online for public comment",
            "Advisory referendum on the proposed text",
        ],
        "figures": [
            ("950", "participants in the 2010 national forum (approx.)"),
            ("25", "members of the constitutional council"),
            ("67", "percent of voters backing the draft as a basis in 2012 (approx.)"),
        ],
        "lessons": (
            "Openness and broad participation gave the draft strong public legitimacy, yet a new "
            "constitution still needed parliament's approval, which never came. The case shows "
            "why it matters to agree in advance how existing institutions will handle "
            "participatory outcomes."
        ),
    },
    {
        "slug": "reykjavik-better-neighbourhoods",
        "title": "Better Neighbourhoods participatory budget in Reykjavik",
        "summary": (
            "Every year since 2012 Reykjavik residents have proposed small projects for their "
            "district on an online platform and voted electronically on which ones the city "
            "should build."
        ),
        "place": "Reykjavik, Capital Region",
        "country": "IS",
        "latitude": "64.14660",
        "longitude": "-21.94260",
        "level": "municipal",
        "start_year": 2012,
        "end_year": None,
        "population": 130000,
        "topics": ["participatory-budgeting", "digital-democracy", "environment"],
        "mechanisms": ["participatory-budgeting", "digital-platform"],
        "groups": ["general-public"],
        "context": (
            "After the 2008 crisis, Reykjavik embraced online participation through the Better "
            "Reykjavik idea platform, built by a civic non-profit. The city then launched Better "
            "Neighbourhoods, sharing a yearly sum between its ten districts according to "
            "population and letting residents decide on parks, playgrounds, paths and similar "
            "improvements."
        ),
        "steps": [
            "Residents post ideas for their neighbourhood online",
            "City staff assess cost and feasibility",
            "Electronic vote by district",
            "Winning projects are built the following year",
        ],
        "figures": [
            ("10", "city districts with their own ballot"),
        ],
        "lessons": (
            "Small, visible projects close to home keep interest high and let residents see "
            "results quickly. Sharing funds by district ensures every area benefits, and online "
            "voting makes taking part easy, although turnout has remained modest compared with "
            "the population."
        ),
    },
    {
        "slug": "ireland-citizens-assembly-2016-2018",
        "title": "Irish Citizens' Assembly 2016-2018",
        "summary": (
            "Ninety-nine randomly selected Irish citizens and a judge as chair deliberated on "
            "five questions, including abortion, climate change and population ageing; their "
            "abortion recommendations paved the way for the 2018 referendum."
        ),
        "place": "Ireland (sessions near Dublin)",
        "country": "IE",
        "latitude": "53.34981",
        "longitude": "-6.26031",
        "level": "national",
        "start_year": 2016,
        "end_year": 2018,
        "population": 4800000,
        "topics": ["sortition", "gender", "climate"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public", "elderly"],
        "context": (
            "Building on an earlier constitutional convention that had included politicians, "
            "parliament set up an assembly of citizens only, chaired by a Supreme Court judge. "
            "Over weekends in a hotel near Dublin, members heard experts and advocates, read "
            "public submissions and voted on recommendations that were sent to parliamentary "
            "committees."
        ),
        "steps": [
            "Random selection of 99 members by a polling company",
            "Weekend sessions with experts, advocates and submissions",
            "Private deliberation at small tables",
            "Ballots on recommendations and reports to parliament",
        ],
        "figures": [
            ("99", "citizen members"),
            ("5", "topics examined"),
            ("66", "percent yes vote in the 2018 abortion referendum (approx.)"),
        ],
        "lessons": (
            "A carefully structured citizens' assembly helped a divided country discuss a deeply "
            "sensitive issue and gave politicians the confidence to act. Its climate "
            "recommendations also fed into later policy, which shows that follow-up by "
            "parliamentary committees is key."
        ),
        "translations": {
            "fr": {
                "title": "Assemblée citoyenne irlandaise 2016-2018",
                "slug": "assemblee-citoyenne-irlande-2016-2018",
                "summary": (
                    "Quatre-vingt-dix-neuf citoyens irlandais tirés au sort, présidés par une "
                    "juge, ont délibéré sur cinq questions, dont l'avortement, le changement "
                    "climatique et le vieillissement de la population ; leurs recommandations sur "
                    "l'avortement ont ouvert la voie au référendum de 2018."
                ),
                "place": "Irlande (séances près de Dublin)",
                "context": (
                    "Dans le prolongement d'une convention constitutionnelle antérieure qui "
                    "comptait des élus, le parlement a créé une assemblée composée uniquement de "
                    "citoyens, présidée par une juge de la Cour suprême. Lors de week-ends dans "
                    "un hôtel près de Dublin, les membres ont entendu experts et associations, lu "
                    "les contributions du public et voté des recommandations transmises aux "
                    "commissions parlementaires."
                ),
                "steps": [
                    "Tirage au sort de 99 membres par un institut de sondage",
                    "Séances de week-end avec experts, associations et contributions",
                    "Délibération à huis clos en petites tables",
                    "Votes sur les recommandations et rapports au parlement",
                ],
                "figure_labels": [
                    "membres citoyens",
                    "sujets examinés",
                    "pour cent de oui au référendum de 2018 sur l'avortement (environ)",
                ],
                "lessons": (
                    "Une assemblée citoyenne bien structurée a aidé un pays divisé à débattre "
                    "d'un sujet très sensible et a donné aux responsables politiques l'assurance "
                    "nécessaire pour agir. Ses recommandations sur le climat ont aussi nourri des "
                    "politiques ultérieures, ce qui montre l'importance du suivi par les "
                    "commissions parlementaires."
                ),
            },
            "es": {
                "title": "Asamblea Ciudadana de Irlanda 2016-2018",
                "slug": "asamblea-ciudadana-irlanda-2016-2018",
                "summary": (
                    "Noventa y nueve ciudadanos irlandeses elegidos por sorteo, presididos por "
                    "una jueza, deliberaron sobre cinco cuestiones, entre ellas el aborto, el "
                    "cambio climático y el envejecimiento de la población; sus recomendaciones "
                    "sobre el aborto abrieron el camino al referéndum de 2018."
                ),
                "place": "Irlanda (sesiones cerca de Dublín)",
                "context": (
                    "Sobre la base de una convención constitucional anterior que incluía a "
                    "políticos, el parlamento creó una asamblea formada solo por ciudadanos y "
                    "presidida por una jueza del Tribunal Supremo. Durante fines de semana en un "
                    "hotel cercano a Dublín, sus miembros escucharon a expertos y organizaciones, "
                    "leyeron aportaciones del público y votaron recomendaciones enviadas a "
                    "comisiones parlamentarias."
                ),
                "steps": [
                    "Sorteo de 99 miembros por una empresa de encuestas",
                    "Sesiones de fin de semana con expertos, organizaciones y aportaciones",
                    "Deliberación privada en mesas pequeñas",
                    "Votaciones de recomendaciones e informes al parlamento",
                ],
                "figure_labels": [
                    "miembros ciudadanos",
                    "temas examinados",
                    "por ciento de votos a favor en el referéndum de 2018 sobre el aborto (aprox.)",
                ],
                "lessons": (
                    "Una asamblea ciudadana bien estructurada ayudó a un país dividido a debatir "
                    "un tema muy delicado y dio a los políticos la confianza necesaria para "
                    "actuar. Sus recomendaciones sobre el clima también alimentaron políticas "
                    "posteriores, lo que muestra la importancia del seguimiento por las "
                    "comisiones parlamentarias."
                ),
            },
        },
    },
    {
        "slug": "ireland-citizens-assembly-gender-equality",
        "title": "Irish Citizens' Assembly on Gender Equality",
        "summary": (
            "In 2020 and 2021, 99 randomly selected members and a chair examined barriers to "
            "gender equality in Ireland and recommended changes on care, pay, leadership, "
            "domestic violence and the constitutional article on women in the home."
        ),
        "place": "Ireland",
        "country": "IE",
        "latitude": "53.34981",
        "longitude": "-6.26031",
        "level": "national",
        "start_year": 2020,
        "end_year": 2021,
        "population": 5000000,
        "topics": ["gender", "sortition"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["women", "general-public"],
        "context": (
            "Parliament asked the assembly to examine gender equality at work, in politics, in "
            "care and in the constitution, and gender balance and diversity were built into the "
            "selection. The COVID-19 pandemic interrupted the process, which continued online "
            "before the members adopted 45 recommendations in 2021."
        ),
        "steps": [
            "Selection of 99 members balanced by gender, age and region",
            "Hearings with experts and people with lived experience",
            "Online sessions during the pandemic",
            "Votes on 45 recommendations and final report",
        ],
        "figures": [
            ("99", "citizen members"),
            ("45", "recommendations adopted"),
        ],
        "lessons": (
            "The assembly showed that deliberation can continue online when needed, although "
            "members then need extra support. Its call to change the constitutional wording on "
            "women in the home led to a referendum in 2024 whose rejection showed that the exact "
            "wording matters as much as the intent."
        ),
    },
    {
        "slug": "climate-assembly-uk",
        "title": "Climate Assembly UK",
        "summary": (
            "In 2020, 108 people from across the United Kingdom, selected by lot to reflect the "
            "population, met over six weekends to consider how the country should reach net zero "
            "greenhouse gas emissions by 2050."
        ),
        "place": "United Kingdom (sessions in Birmingham)",
        "country": "GB",
        "latitude": "52.48624",
        "longitude": "-1.89040",
        "level": "national",
        "start_year": 2020,
        "end_year": 2020,
        "population": 67000000,
        "topics": ["climate", "sortition"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "Six select committees of the House of Commons commissioned the assembly after "
            "parliament adopted the net zero target. Sessions began in Birmingham and moved "
            "online when the pandemic started. Members covered transport, homes, food, energy and "
            "more, and committees used their report when scrutinising government policy."
        ),
        "steps": [
            "Invitations by lottery and stratified selection of 108 members",
            "Learning sessions on routes to net zero",
            "Small-group deliberation by theme",
            "Votes and publication of the final report",
        ],
        "figures": [
            ("108", "members"),
            ("6", "weekends of deliberation"),
            ("556", "pages in the final report, The Path to Net Zero"),
        ],
        "lessons": (
            "Being commissioned by parliament rather than government gave the assembly "
            "cross-party standing but no direct route to legislation. Its detailed voting results "
            "give policymakers a nuanced picture of which measures the public would accept and "
            "under what conditions."
        ),
    },
    {
        "slug": "scotland-climate-assembly",
        "title": "Scotland's Climate Assembly",
        "summary": (
            "Created under Scottish climate legislation, the assembly brought together about 100 "
            "randomly selected residents in 2020 and 2021 to consider how Scotland should change "
            "to tackle the climate emergency in an effective and fair way."
        ),
        "place": "Scotland",
        "country": "GB",
        "latitude": "55.95325",
        "longitude": "-3.18827",
        "level": "regional",
        "start_year": 2020,
        "end_year": 2021,
        "population": 5400000,
        "topics": ["climate", "sortition", "legal-frameworks"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "Scotland's 2019 climate change act, which set new emission reduction targets, "
            "required ministers to convene a citizens' assembly. Because of the pandemic, all "
            "meetings took place online. Members agreed 81 recommendations, and the government "
            "had to publish a response explaining how it would act on them."
        ),
        "steps": [
            "Recruitment of about 100 members by random selection",
            "Online evidence sessions with experts",
            "Deliberation in small groups",
            "Agreed recommendations and government response",
        ],
        "figures": [
            ("100", "members (approx.)"),
            ("81", "recommendations"),
        ],
        "lessons": (
            "Anchoring the assembly in law and obliging the government to respond gave it a "
            "formal place in policymaking. The fully online format widened access for people in "
            "remote areas, with devices and connections provided to those who needed them."
        ),
        "translations": {
            "fr": {
                "title": "Assemblée pour le climat d'Écosse",
                "slug": "assemblee-climat-ecosse",
                "summary": (
                    "Créée en application de la législation climatique écossaise, l'assemblée a "
                    "réuni en 2020 et 2021 une centaine d'habitants tirés au sort pour réfléchir "
                    "à la manière dont l'Écosse doit changer pour faire face à l'urgence "
                    "climatique de façon efficace et juste."
                ),
                "place": "Écosse",
                "context": (
                    "La loi écossaise de 2019 sur le changement climatique, qui a fixé de "
                    "nouveaux objectifs de réduction des émissions, obligeait le gouvernement à "
                    "convoquer une assemblée citoyenne. En raison de la pandémie, toutes les "
                    "réunions se sont tenues en ligne. Les membres ont adopté 81 recommandations "
                    "et le gouvernement a dû publier une réponse expliquant comment il y "
                    "donnerait suite."
                ),
                "steps": [
                    "Recrutement d'environ 100 membres par tirage au sort",
                    "Auditions d'experts en ligne",
                    "Délibération en petits groupes",
                    "Recommandations adoptées et réponse du gouvernement",
                ],
                "figure_labels": ["membres (environ)", "recommandations"],
                "lessons": (
                    "Inscrire l'assemblée dans la loi et obliger le gouvernement à répondre lui a "
                    "donné une place formelle dans l'élaboration des politiques. Le format "
                    "entièrement en ligne a élargi l'accès aux habitants des zones isolées, avec "
                    "du matériel et des connexions fournis à ceux qui en avaient besoin."
                ),
            },
            "es": {
                "title": "Asamblea Climática de Escocia",
                "slug": "asamblea-climatica-escocia",
                "summary": (
                    "Creada en virtud de la legislación climática escocesa, la asamblea reunió en "
                    "2020 y 2021 a unas cien personas residentes elegidas por sorteo para debatir "
                    "cómo debe cambiar Escocia para afrontar la emergencia climática de forma "
                    "eficaz y justa."
                ),
                "place": "Escocia",
                "context": (
                    "La ley escocesa de cambio climático de 2019, que fijó nuevos objetivos de "
                    "reducción de emisiones, obligó al gobierno a convocar una asamblea "
                    "ciudadana. Debido a la pandemia, todas las reuniones se celebraron en línea. "
                    "Los miembros acordaron 81 recomendaciones y el gobierno tuvo que publicar "
                    "una respuesta explicando cómo actuaría sobre ellas."
                ),
                "steps": [
                    "Selección de unos 100 miembros por sorteo",
                    "Sesiones informativas en línea con personas expertas",
                    "Deliberación en grupos pequeños",
                    "Recomendaciones acordadas y respuesta del gobierno",
                ],
                "figure_labels": ["miembros (aprox.)", "recomendaciones"],
                "lessons": (
                    "Anclar la asamblea en la ley y obligar al gobierno a responder le dio un "
                    "lugar formal en la elaboración de políticas. El formato totalmente en línea "
                    "amplió el acceso de las personas de zonas remotas, con equipos y conexión "
                    "facilitados a quienes los necesitaban."
                ),
            },
        },
    },
    {
        "slug": "scottish-youth-parliament",
        "title": "Scottish Youth Parliament",
        "summary": (
            "Since 1999 the Scottish Youth Parliament has given young people aged 14 to 25 an "
            "elected, youth-led body that debates issues, runs national campaigns and puts young "
            "people's views to ministers and members of the Scottish Parliament."
        ),
        "place": "Scotland",
        "country": "GB",
        "latitude": "55.95325",
        "longitude": "-3.18827",
        "level": "regional",
        "start_year": 1999,
        "end_year": None,
        "population": 5400000,
        "topics": ["youth", "education", "social-inclusion"],
        "mechanisms": ["advisory-council", "consultation"],
        "groups": ["youth"],
        "context": (
            "Founded in the same year as the devolved Scottish Parliament, the youth parliament "
            "is made up of members elected in constituencies and by national voluntary "
            "organisations. It consults young people through large surveys and has campaigned on "
            "topics such as votes at 16, mental health and education."
        ),
        "steps": [
            "Youth elections in constituencies and partner organisations",
            "Consultation of young people on a manifesto",
            "Sittings and committees debate motions",
            "Campaigns and meetings with decision-makers",
        ],
        "figures": [
            ("14", "minimum age of members"),
            ("16", "voting age in Scottish elections since 2015, a long-standing campaign aim"),
        ],
        "lessons": (
            "A permanent, democratically elected youth body builds skills and credibility over "
            "time. Its influence comes less from formal powers than from steady campaigning and "
            "relationships with government, as the lowering of the voting age to 16 illustrates."
        ),
    },
    {
        "slug": "east-belgium-permanent-citizens-dialogue",
        "title": "Permanent citizens' dialogue in East Belgium",
        "summary": (
            "In 2019 the German-speaking Community of Belgium created a permanent model in which "
            "a standing citizens' council drawn by lot sets the agenda for citizens' assemblies "
            "whose recommendations parliament must discuss."
        ),
        "place": "Eupen, German-speaking Community of Belgium",
        "country": "BE",
        "latitude": "50.62790",
        "longitude": "6.03650",
        "level": "regional",
        "start_year": 2019,
        "end_year": None,
        "population": 78000,
        "topics": ["sortition", "legal-frameworks"],
        "mechanisms": ["citizens-assembly", "advisory-council"],
        "groups": ["general-public"],
        "context": (
            "The small German-speaking Community, which has its own parliament and government, "
            "adopted a decree in 2019 after a pilot citizens' panel. A citizens' council of 24 "
            "people chooses topics and monitors follow-up, while assemblies of 25 to 50 residents "
            "deliberate on each topic. Parliament and ministers must respond and explain any "
            "rejection."
        ),
        "steps": [
            "A citizens' council of 24 chosen by lot selects topics",
            "An assembly of 25 to 50 residents deliberates",
            "Joint meeting with members of parliament",
            "Parliament and government report on follow-up",
        ],
        "figures": [
            ("24", "members of the standing citizens' council"),
            ("50", "maximum members of each assembly"),
            ("78000", "inhabitants of the Community (approx.)"),
        ],
        "lessons": (
            "Making deliberation permanent and giving citizens power over the agenda turns it "
            "from a one-off event into a routine part of governance. The duty to answer publicly "
            "creates accountability, although the Community's small size also made the model "
            "easier to set up."
        ),
    },
    {
        "slug": "brussels-deliberative-committees",
        "title": "Mixed deliberative committees in the Brussels Parliament",
        "summary": (
            "Since 2019 the Brussels regional parliament can set up deliberative committees in "
            "which 45 residents drawn by lot sit with 15 members of parliament to examine a topic "
            "and adopt recommendations together."
        ),
        "place": "Brussels-Capital Region",
        "country": "BE",
        "latitude": "50.85034",
        "longitude": "4.35171",
        "level": "regional",
        "start_year": 2019,
        "end_year": None,
        "population": 1200000,
        "topics": ["sortition", "legal-frameworks", "housing"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "The Brussels-Capital Region changed its parliamentary rules to bring residents into "
            "the legislative process. People aged 16 and over are invited by lot, and each "
            "committee is composed to reflect the diversity of the population. Topics can come "
            "from parliament or from citizens through a petition, and committees have dealt with "
            "subjects such as 5G and homelessness."
        ),
        "steps": [
            "Topic set by parliament or by a citizens' petition",
            "Random invitation and selection of 45 residents",
            "Joint deliberation of residents and members of parliament",
            "Recommendations voted and followed up in parliament",
        ],
        "figures": [
            ("45", "residents drawn by lot"),
            ("15", "members of parliament"),
            ("16", "minimum age of resident members"),
        ],
        "lessons": (
            "Bringing residents and elected members together in one body builds mutual "
            "understanding and makes uptake by parliament more likely. It also creates a risk "
            "that politicians dominate the discussion, which careful facilitation and clear "
            "voting rules help to prevent."
        ),
        "translations": {
            "fr": {
                "title": "Commissions délibératives mixtes au Parlement bruxellois",
                "slug": "commissions-deliberatives-bruxelles",
                "summary": (
                    "Depuis 2019, le parlement régional bruxellois peut créer des commissions "
                    "délibératives où 45 habitants tirés au sort siègent avec 15 députés pour "
                    "examiner un sujet et adopter ensemble des recommandations."
                ),
                "place": "Région de Bruxelles-Capitale",
                "context": (
                    "La Région de Bruxelles-Capitale a modifié le règlement de son parlement pour "
                    "associer les habitants au travail législatif. Les personnes de 16 ans et "
                    "plus sont invitées par tirage au sort, et chaque commission est composée de "
                    "manière à refléter la diversité de la population. Les sujets peuvent venir "
                    "du parlement ou des citoyens par voie de pétition ; des commissions ont "
                    "traité par exemple de la 5G et du sans-abrisme."
                ),
                "steps": [
                    "Sujet fixé par le parlement ou par une pétition citoyenne",
                    "Invitation et sélection de 45 habitants par tirage au sort",
                    "Délibération commune des habitants et des députés",
                    "Recommandations votées et suivies au parlement",
                ],
                "figure_labels": [
                    "habitants tirés au sort",
                    "députés",
                    "âge minimum des membres citoyens",
                ],
                "lessons": (
                    "Réunir habitants et élus dans une même instance renforce la compréhension "
                    "mutuelle et rend plus probable la reprise des recommandations par le "
                    "parlement. Cela comporte aussi le risque que les élus dominent la "
                    "discussion, ce qu'une animation attentive et des règles de vote claires "
                    "aident à éviter."
                ),
            },
            "es": {
                "title": "Comisiones deliberativas mixtas en el Parlamento de Bruselas",
                "slug": "comisiones-deliberativas-bruselas",
                "summary": (
                    "Desde 2019, el parlamento regional de Bruselas puede crear comisiones "
                    "deliberativas en las que 45 residentes elegidos por sorteo se sientan junto "
                    "a 15 diputados para examinar un tema y adoptar recomendaciones en común."
                ),
                "place": "Región de Bruselas-Capital",
                "context": (
                    "La Región de Bruselas-Capital modificó el reglamento de su parlamento para "
                    "incorporar a la ciudadanía al trabajo legislativo. Las personas de 16 años o "
                    "más son invitadas por sorteo y cada comisión se compone para reflejar la "
                    "diversidad de la población. Los temas pueden proceder del parlamento o de la "
                    "ciudadanía mediante una petición, y las comisiones han tratado asuntos como "
                    "el 5G y el sinhogarismo."
                ),
                "steps": [
                    "Tema fijado por el parlamento o por una petición ciudadana",
                    "Invitación y selección por sorteo de 45 residentes",
                    "Deliberación conjunta de residentes y diputados",
                    "Recomendaciones votadas y seguidas en el parlamento",
                ],
                "figure_labels": [
                    "residentes elegidos por sorteo",
                    "diputados",
                    "edad mínima de los miembros ciudadanos",
                ],
                "lessons": (
                    "Reunir a residentes y representantes electos en un mismo órgano favorece el "
                    "entendimiento mutuo y hace más probable que el parlamento retome las "
                    "recomendaciones. También existe el riesgo de que los políticos dominen el "
                    "debate, algo que una facilitación cuidadosa y reglas de votación claras "
                    "ayudan a evitar."
                ),
            },
        },
    },
    {
        "slug": "germany-citizens-assembly-on-climate",
        "title": "German Citizens' Assembly on Climate",
        "summary": (
            "In spring 2021, 160 people drawn by lot from across Germany met online over twelve "
            "sessions to recommend how the country could meet the Paris Agreement's 1.5 degree "
            "goal in a socially fair way."
        ),
        "place": "Germany (online)",
        "country": "DE",
        "latitude": "52.52001",
        "longitude": "13.40495",
        "level": "national",
        "start_year": 2021,
        "end_year": 2021,
        "population": 83000000,
        "topics": ["climate", "sortition"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "The assembly was an initiative of civil society organisations under the patronage of "
            "a former federal president, rather than an official body. Members were chosen "
            "through a random draw of municipalities and then of residents. They adopted "
            "recommendations on energy, mobility, buildings and food, which were handed to party "
            "leaders ahead of the 2021 federal election."
        ),
        "steps": [
            "Random draw of municipalities and then of residents",
            "Twelve online sessions with expert input",
            "Small-group work on four fields of action",
            "Handover of recommendations to political parties",
        ],
        "figures": [
            ("160", "members"),
            ("12", "online sessions"),
            ("1.5", "degree warming limit framing the work"),
        ],
        "lessons": (
            "A civil society initiative can show what an informed public would support even "
            "without an official mandate, but it has no guaranteed response. The German "
            "parliament later set up its own citizens' assemblies, partly inspired by experiments "
            "like this one."
        ),
    },
    {
        "slug": "denmark-citizens-assembly-on-climate",
        "title": "Danish Citizens' Assembly on Climate",
        "summary": (
            "In 2020 and 2021 a Danish citizens' assembly of 99 randomly selected people "
            "discussed the dilemmas of the green transition, and its recommendations were "
            "presented to the government and parliament."
        ),
        "place": "Denmark",
        "country": "DK",
        "latitude": "55.67610",
        "longitude": "12.56834",
        "level": "national",
        "start_year": 2020,
        "end_year": 2021,
        "population": 5800000,
        "topics": ["climate", "sortition"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "Denmark's 2019 climate law set a target of cutting emissions by 70 percent by 2030 "
            "compared with 1990. As part of the political agreement, the government convened a "
            "citizens' assembly to give input on hard choices such as carbon taxes, agriculture "
            "and personal behaviour. Some sessions were held online because of the pandemic."
        ),
        "steps": [
            "Random selection of 99 members",
            "Presentations from experts on trade-offs",
            "Discussion of concrete policy dilemmas",
            "Recommendations presented to decision-makers",
        ],
        "figures": [
            ("99", "members"),
            ("70", "percent emission cut targeted for 2030"),
        ],
        "lessons": (
            "Asking citizens about concrete trade-offs, such as carbon pricing, gave useful "
            "signals about public acceptance. Because the assembly was advisory and only loosely "
            "connected to law-making, its direct influence on decisions was harder to trace."
        ),
    },
    {
        "slug": "gdansk-citizens-assemblies",
        "title": "Citizens' assemblies in Gdańsk",
        "summary": (
            "Since 2016 Gdańsk has convened panels of randomly selected residents on issues such "
            "as flood prevention, air quality and civic engagement, with the mayor committing to "
            "carry out recommendations that gain at least 80 percent support."
        ),
        "place": "Gdańsk, Pomerania",
        "country": "PL",
        "latitude": "54.35203",
        "longitude": "18.64664",
        "level": "municipal",
        "start_year": 2016,
        "end_year": None,
        "population": 470000,
        "topics": ["sortition", "climate", "environment"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "After heavy floods hit the city, local activists proposed a citizens' assembly and "
            "the city agreed. The model, which later spread to other Polish cities, uses random "
            "selection stratified by district, age, gender and education, and experts and "
            "stakeholders present evidence before members vote."
        ),
        "steps": [
            "Stratified random selection of about 60 residents",
            "Hearings with experts and stakeholders",
            "Deliberation and drafting of recommendations",
            "Vote with an 80 percent threshold for binding status",
        ],
        "figures": [
            ("80", "percent support needed for a recommendation to be binding"),
            ("60", "members per assembly (approx.)"),
        ],
        "lessons": (
            "A clear commitment to carry out strongly supported recommendations gave members a "
            "real sense of power. The high threshold encouraged consensus, and openly sharing the "
            "method helped other Polish cities such as Lublin and Warsaw to run their own "
            "assemblies."
        ),
        "translations": {
            "fr": {
                "title": "Assemblées citoyennes de Gdańsk",
                "slug": "assemblees-citoyennes-gdansk",
                "summary": (
                    "Depuis 2016, Gdańsk réunit des panels d'habitants tirés au sort sur des "
                    "sujets comme la prévention des inondations, la qualité de l'air ou "
                    "l'engagement civique, le maire s'engageant à appliquer les recommandations "
                    "qui obtiennent au moins 80 % de soutien."
                ),
                "place": "Gdańsk, Poméranie",
                "context": (
                    "Après de fortes inondations, des militants locaux ont proposé une assemblée "
                    "citoyenne et la ville a accepté. Le modèle, repris ensuite par d'autres "
                    "villes polonaises, repose sur un tirage au sort stratifié par quartier, âge, "
                    "sexe et niveau d'études, et des experts et parties prenantes présentent "
                    "leurs éléments avant le vote des membres."
                ),
                "steps": [
                    "Tirage au sort stratifié d'environ 60 habitants",
                    "Auditions d'experts et de parties prenantes",
                    "Délibération et rédaction des recommandations",
                    "Vote avec un seuil de 80 % pour qu'elles soient contraignantes",
                ],
                "figure_labels": [
                    "pour cent de soutien requis pour qu'une recommandation soit contraignante",
                    "membres par assemblée (environ)",
                ],
                "lessons": (
                    "L'engagement clair d'appliquer les recommandations largement soutenues a "
                    "donné aux membres un vrai sentiment de pouvoir. Le seuil élevé a favorisé le "
                    "consensus, et le partage ouvert de la méthode a aidé d'autres villes "
                    "polonaises, comme Lublin et Varsovie, à organiser leurs propres assemblées."
                ),
            },
            "es": {
                "title": "Asambleas ciudadanas de Gdańsk",
                "slug": "asambleas-ciudadanas-gdansk",
                "summary": (
                    "Desde 2016, Gdańsk convoca paneles de residentes elegidos por sorteo sobre "
                    "temas como la prevención de inundaciones, la calidad del aire o el "
                    "compromiso cívico, y el alcalde se compromete a aplicar las recomendaciones "
                    "que obtengan al menos un 80 % de apoyo."
                ),
                "place": "Gdańsk, Pomerania",
                "context": (
                    "Tras unas graves inundaciones, activistas locales propusieron una asamblea "
                    "ciudadana y la ciudad aceptó. El modelo, que luego se extendió a otras "
                    "ciudades polacas, utiliza un sorteo estratificado por barrio, edad, género y "
                    "nivel educativo, y personas expertas y actores implicados presentan "
                    "información antes de que los miembros voten."
                ),
                "steps": [
                    "Sorteo estratificado de unos 60 residentes",
                    "Audiencias con personas expertas y actores implicados",
                    "Deliberación y redacción de recomendaciones",
                    "Votación con un umbral del 80 % para que sean vinculantes",
                ],
                "figure_labels": [
                    "por ciento de apoyo necesario para que una recomendación sea vinculante",
                    "miembros por asamblea (aprox.)",
                ],
                "lessons": (
                    "El compromiso claro de aplicar las recomendaciones con amplio apoyo dio a "
                    "los miembros una sensación real de poder. El umbral elevado favoreció el "
                    "consenso, y compartir abiertamente el método ayudó a otras ciudades polacas, "
                    "como Lublin y Varsovia, a organizar sus propias asambleas."
                ),
            },
        },
    },
    {
        "slug": "helsinki-omastadi",
        "title": "OmaStadi participatory budget in Helsinki",
        "summary": (
            "Helsinki's OmaStadi process lets residents aged 12 and over develop and vote on "
            "projects funded from about 8.8 million euros per round, combining the city's "
            "Decidim-based online platform with co-creation workshops."
        ),
        "place": "Helsinki, Uusimaa",
        "country": "FI",
        "latitude": "60.16986",
        "longitude": "24.93838",
        "level": "municipal",
        "start_year": 2018,
        "end_year": None,
        "population": 660000,
        "budget": ("8800000", "EUR"),
        "topics": ["participatory-budgeting", "digital-democracy", "youth"],
        "mechanisms": ["participatory-budgeting", "co-design"],
        "groups": ["general-public", "youth"],
        "context": (
            "Helsinki introduced participatory budgeting as part of a broader participation model "
            "adopted in 2017. The money is shared between the major districts according to "
            "population, with a city-wide share. Residents and city experts develop proposals "
            "together in workshops before the vote, which has taken place every two years."
        ),
        "steps": [
            "Residents post ideas on the online platform",
            "Co-creation workshops with city experts",
            "Costing and drafting of final proposals",
            "Online vote by residents aged 12 and over",
        ],
        "figures": [
            ("8800000", "euros per round (approx.)"),
            ("12", "minimum voting age"),
            ("7", "major districts with their own share of the budget"),
        ],
        "lessons": (
            "The co-creation phase improved the quality and feasibility of proposals and built "
            "contacts between residents and city staff. Uneven participation between districts "
            "remains a challenge, which has led the city to invest in targeted outreach."
        ),
    },
    {
        "slug": "bologna-collaboration-pacts",
        "title": "Collaboration pacts for urban commons in Bologna",
        "summary": (
            "Bologna's 2014 regulation on urban commons lets residents and groups sign "
            "collaboration pacts with the city to look after and regenerate public spaces, "
            "buildings and services, giving civic co-management a legal basis."
        ),
        "place": "Bologna, Emilia-Romagna",
        "country": "IT",
        "latitude": "44.49489",
        "longitude": "11.34262",
        "level": "municipal",
        "start_year": 2014,
        "end_year": None,
        "population": 390000,
        "topics": ["legal-frameworks", "urban-planning", "culture"],
        "mechanisms": ["co-design"],
        "groups": ["general-public"],
        "context": (
            "The Italian constitution's principle of horizontal subsidiarity encourages citizens' "
            "initiatives in the general interest. Bologna turned this into a municipal "
            "regulation, prepared with a research laboratory, so that residents no longer faced "
            "red tape when tending a garden, painting a wall or running a community space. Many "
            "Italian cities later adopted similar rules."
        ),
        "steps": [
            "Residents or the city propose an activity on a common good",
            "Joint design of the pact with city staff",
            "Signature of a pact setting roles and resources",
            "Implementation, reporting and evaluation",
        ],
        "figures": [
            ("2014", "year the regulation on urban commons was adopted"),
            ("100", "Italian municipalities with similar regulations, at least"),
        ],
        "lessons": (
            "A clear legal tool lowered the barriers to everyday civic action and shifted the "
            "city's role towards enabling residents. The approach works best for small-scale "
            "projects, and support is needed so that less organised neighbourhoods can also "
            "benefit."
        ),
    },
    {
        "slug": "fano-city-of-children",
        "title": "The City of Children in Fano",
        "summary": (
            "Since 1991 the Italian town of Fano has involved children in urban decisions through "
            "a children's council and projects that let pupils walk to school on their own, "
            "inspiring an international network of cities."
        ),
        "place": "Fano, Marche",
        "country": "IT",
        "latitude": "43.84337",
        "longitude": "13.01871",
        "level": "municipal",
        "start_year": 1991,
        "end_year": None,
        "population": 60000,
        "topics": ["mobility", "urban-planning", "youth"],
        "mechanisms": ["advisory-council", "co-design"],
        "groups": ["children"],
        "context": (
            "Educator Francesco Tonucci launched the project in his home town with the idea that "
            "a city designed for children works better for everyone. A council of primary school "
            "children advises the mayor, and children have helped to redesign streets, parks and "
            "routes to school."
        ),
        "steps": [
            "Children are chosen to sit on the children's council",
            "The council meets and discusses city issues",
            "Children help design streets, parks and routes",
            "The mayor and staff respond to their proposals",
        ],
        "figures": [
            ("1991", "year the children's council was launched"),
        ],
        "lessons": (
            "Taking children's viewpoint seriously leads to safer, calmer streets that benefit "
            "all residents. Lasting impact depends on adults being ready to act on children's "
            "ideas rather than treating the council as a symbol."
        ),
        "translations": {
            "fr": {
                "title": "La ville des enfants à Fano",
                "slug": "ville-des-enfants-fano",
                "summary": (
                    "Depuis 1991, la ville italienne de Fano associe les enfants aux décisions "
                    "urbaines grâce à un conseil des enfants et à des projets qui permettent aux "
                    "élèves d'aller seuls à l'école, inspirant un réseau international de villes."
                ),
                "place": "Fano, Marches",
                "context": (
                    "Le pédagogue Francesco Tonucci a lancé le projet dans sa ville natale, "
                    "convaincu qu'une ville pensée pour les enfants fonctionne mieux pour tous. "
                    "Un conseil d'enfants des écoles primaires conseille le maire, et les enfants "
                    "ont contribué à réaménager des rues, des parcs et des trajets vers l'école."
                ),
                "steps": [
                    "Des enfants sont choisis pour siéger au conseil des enfants",
                    "Le conseil se réunit et débat des questions de la ville",
                    "Les enfants participent à la conception de rues, de parcs et de trajets",
                    "Le maire et les services répondent à leurs propositions",
                ],
                "figure_labels": ["année de création du conseil des enfants"],
                "lessons": (
                    "Prendre au sérieux le point de vue des enfants conduit à des rues plus sûres "
                    "et plus calmes, au bénéfice de tous les habitants. Un effet durable suppose "
                    "que les adultes soient prêts à donner suite aux idées des enfants au lieu de "
                    "traiter le conseil comme un symbole."
                ),
            },
            "es": {
                "title": "La ciudad de los niños en Fano",
                "slug": "ciudad-de-los-ninos-fano",
                "summary": (
                    "Desde 1991, la ciudad italiana de Fano involucra a niñas y niños en las "
                    "decisiones urbanas mediante un consejo infantil y proyectos que les permiten "
                    "ir solos a la escuela, lo que inspiró una red internacional de ciudades."
                ),
                "place": "Fano, Marcas",
                "context": (
                    "El pedagogo Francesco Tonucci impulsó el proyecto en su ciudad natal con la "
                    "idea de que una ciudad pensada para la infancia funciona mejor para todos. "
                    "Un consejo de niñas y niños de primaria asesora al alcalde, y la infancia ha "
                    "ayudado a rediseñar calles, parques y caminos escolares."
                ),
                "steps": [
                    "Se elige a niñas y niños para el consejo infantil",
                    "El consejo se reúne y debate asuntos de la ciudad",
                    "La infancia ayuda a diseñar calles, parques y caminos",
                    "El alcalde y los servicios responden a sus propuestas",
                ],
                "figure_labels": ["año de creación del consejo infantil"],
                "lessons": (
                    "Tomar en serio el punto de vista de la infancia da lugar a calles más "
                    "seguras y tranquilas que benefician a todo el vecindario. Un impacto "
                    "duradero exige que las personas adultas estén dispuestas a llevar a cabo las "
                    "ideas de niñas y niños en lugar de tratar el consejo como un símbolo."
                ),
            },
        },
    },
    {
        "slug": "estonia-peoples-assembly-rahvakogu",
        "title": "People's Assembly (Rahvakogu) in Estonia",
        "summary": (
            "In 2013, after a party financing scandal, Estonians submitted about 2000 proposals "
            "online to reform elections and party funding, and a deliberation day of randomly "
            "selected citizens prioritised them for parliament."
        ),
        "place": "Estonia",
        "country": "EE",
        "latitude": "59.43696",
        "longitude": "24.75357",
        "level": "national",
        "start_year": 2013,
        "end_year": 2013,
        "population": 1320000,
        "topics": ["digital-democracy", "sortition", "legal-frameworks"],
        "mechanisms": ["digital-platform", "citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "A coalition of civil society organisations, backed by the President, ran the "
            "process. Experts grouped and analysed the proposals, which about 300 randomly "
            "selected people then discussed at a one-day event. Parliament considered the "
            "results, and several changes became law, such as fewer members needed to found a "
            "party and a right to petition parliament."
        ),
        "steps": [
            "Online crowdsourcing of proposals",
            "Expert analysis and impact assessment",
            "Deliberation day with randomly selected citizens",
            "Proposals submitted to parliament",
        ],
        "figures": [
            ("2000", "proposals submitted online (approx.)"),
            ("300", "participants in the deliberation day (approx.)"),
            ("1000", "signatures needed for a petition to parliament under the resulting rules"),
        ],
        "lessons": (
            "Combining mass online input with a small deliberative body can turn a crisis of "
            "trust into concrete reforms. Expert filtering was needed to handle the volume of "
            "ideas, and the President's backing helped secure parliament's attention."
        ),
    },
    {
        "slug": "lisbon-participatory-budget",
        "title": "Lisbon participatory budget",
        "summary": (
            "In 2008 Lisbon became the first European capital to run a city-wide participatory "
            "budget with decision-making power, combining online and in-person proposals with a "
            "public vote on projects."
        ),
        "place": "Lisbon",
        "country": "PT",
        "latitude": "38.72225",
        "longitude": "-9.13934",
        "level": "municipal",
        "start_year": 2008,
        "end_year": None,
        "population": 545000,
        "budget": ("5000000", "EUR"),
        "topics": ["participatory-budgeting", "digital-democracy"],
        "mechanisms": ["participatory-budgeting", "digital-platform"],
        "groups": ["general-public"],
        "context": (
            "The city council sets aside a fixed sum from the municipal budget each year, "
            "initially 5 million euros. People submit proposals at public meetings and online, "
            "technical staff turn them into projects, and a public vote decides which ones enter "
            "the budget. The rules have been adjusted several times to improve project delivery."
        ),
        "steps": [
            "Proposals submitted online and at public meetings",
            "Technical analysis turns proposals into projects",
            "Public vote open to people who live or work in the city",
            "Winning projects enter the municipal plan",
        ],
        "figures": [
            ("5000000", "euros per year in the first editions"),
        ],
        "lessons": (
            "Lisbon showed that a capital city can open part of its budget to direct decision. "
            "Delays in delivering voted projects eroded trust at times, which underlines that "
            "monitoring implementation matters as much as the vote itself."
        ),
    },
    {
        "slug": "portugal-national-participatory-budget",
        "title": "Portugal's national participatory budget",
        "summary": (
            "In 2017 Portugal launched what was presented as the first participatory budget at "
            "national scale, letting residents propose and vote on projects in areas such as "
            "culture, science, agriculture and adult education."
        ),
        "place": "Portugal",
        "country": "PT",
        "latitude": "38.71000",
        "longitude": "-9.14000",
        "level": "national",
        "start_year": 2017,
        "end_year": 2019,
        "population": 10300000,
        "budget": ("3000000", "EUR"),
        "topics": ["participatory-budgeting", "digital-democracy", "culture"],
        "mechanisms": ["participatory-budgeting", "digital-platform"],
        "groups": ["general-public"],
        "context": (
            "The national government set aside a modest sum for projects proposed by citizens at "
            "meetings across the country and online. Projects could be regional or national in "
            "scope. Voting took place online and by text message, and the process ran for several "
            "annual editions alongside a separate youth participatory budget."
        ),
        "steps": [
            "Participatory meetings across the country",
            "Proposals submitted online or in person",
            "Technical review by ministries",
            "Vote online and by text message",
        ],
        "figures": [
            ("3000000", "euros in the first edition"),
            ("2", "ways to vote: online or by text message"),
        ],
        "lessons": (
            "A national participatory budget can connect people with central government, but a "
            "small sum spread over a whole country limits visible impact. The national scale also "
            "makes outreach to rural areas and less connected groups demanding."
        ),
        "translations": {
            "fr": {
                "title": "Budget participatif national du Portugal",
                "slug": "budget-participatif-national-portugal",
                "summary": (
                    "En 2017, le Portugal a lancé ce qui a été présenté comme le premier budget "
                    "participatif à l'échelle nationale, permettant aux habitants de proposer et "
                    "de voter des projets dans des domaines comme la culture, la science, "
                    "l'agriculture et la formation des adultes."
                ),
                "place": "Portugal",
                "context": (
                    "Le gouvernement a réservé une somme modeste à des projets proposés par les "
                    "citoyens lors de réunions dans tout le pays et en ligne. Les projets "
                    "pouvaient avoir une portée régionale ou nationale. Le vote se faisait en "
                    "ligne et par SMS, et le dispositif a connu plusieurs éditions annuelles, "
                    "parallèlement à un budget participatif distinct pour les jeunes."
                ),
                "steps": [
                    "Réunions participatives dans tout le pays",
                    "Propositions déposées en ligne ou en personne",
                    "Examen technique par les ministères",
                    "Vote en ligne et par SMS",
                ],
                "figure_labels": [
                    "euros lors de la première édition",
                    "modes de vote : en ligne ou par SMS",
                ],
                "lessons": (
                    "Un budget participatif national peut rapprocher la population du "
                    "gouvernement central, mais une somme modeste répartie sur tout un pays "
                    "limite l'impact visible. L'échelle nationale rend aussi exigeant le travail "
                    "de mobilisation dans les zones rurales et auprès des groupes moins "
                    "connectés."
                ),
            },
            "es": {
                "title": "Presupuesto participativo nacional de Portugal",
                "slug": "presupuesto-participativo-nacional-portugal",
                "summary": (
                    "En 2017, Portugal puso en marcha lo que se presentó como el primer "
                    "presupuesto participativo de escala nacional, que permitía a la población "
                    "proponer y votar proyectos en ámbitos como la cultura, la ciencia, la "
                    "agricultura y la formación de personas adultas."
                ),
                "place": "Portugal",
                "context": (
                    "El gobierno nacional reservó una suma modesta para proyectos propuestos por "
                    "la ciudadanía en reuniones por todo el país y en línea. Los proyectos podían "
                    "tener alcance regional o nacional. La votación se hacía en línea y por SMS, "
                    "y el proceso tuvo varias ediciones anuales junto a un presupuesto "
                    "participativo juvenil independiente."
                ),
                "steps": [
                    "Reuniones participativas en todo el país",
                    "Propuestas presentadas en línea o en persona",
                    "Revisión técnica por los ministerios",
                    "Votación en línea y por SMS",
                ],
                "figure_labels": [
                    "euros en la primera edición",
                    "formas de votar: en línea o por SMS",
                ],
                "lessons": (
                    "Un presupuesto participativo nacional puede acercar a la población al "
                    "gobierno central, pero una suma pequeña repartida por todo un país limita el "
                    "impacto visible. La escala nacional también hace exigente llegar a las zonas "
                    "rurales y a los grupos menos conectados."
                ),
            },
        },
    },
    {
        "slug": "portugal-schools-participatory-budget",
        "title": "School participatory budget in Portugal",
        "summary": (
            "Since 2017 pupils in Portuguese public schools from the seventh grade upwards have "
            "proposed and voted on improvements for their own school, with funds set by the "
            "Ministry of Education according to the number of students."
        ),
        "place": "Portugal (public schools)",
        "country": "PT",
        "latitude": "38.73000",
        "longitude": "-9.15000",
        "level": "national",
        "start_year": 2017,
        "end_year": None,
        "population": 10300000,
        "topics": ["youth-participatory-budgeting", "education", "youth"],
        "mechanisms": ["participatory-budgeting"],
        "groups": ["youth"],
        "context": (
            "The national government created the school participatory budget to strengthen "
            "education for democracy. Each school receives a sum based on its number of students, "
            "with a minimum amount, and pupils campaign for their proposals before a vote "
            "organised like a real election, usually around the national students' day in March."
        ),
        "steps": [
            "Pupils form groups and submit proposals",
            "Campaign period in the school",
            "Election-style vote by secret ballot",
            "The school carries out the winning project",
        ],
        "figures": [
            ("1", "euro per student allocated to each school (approx.)"),
            ("500", "euros minimum per school (approx.)"),
        ],
        "lessons": (
            "Running a real vote on real money teaches students how democracy works and gives "
            "them a say over their daily surroundings. Small budgets limit what can be built, so "
            "the learning experience matters as much as the project itself."
        ),
    },
    {
        "slug": "bundestag-citizens-assembly-on-nutrition",
        "title": "Bundestag Citizens' Assembly on Nutrition in Transition",
        "summary": (
            "In 2023 and 2024 the German Bundestag ran its first official citizens' assembly, in "
            "which 160 people drawn by lot examined food policy and handed parliament nine "
            "recommendations, including free lunches for all children in schools and day care."
        ),
        "place": "Germany (sessions in Berlin and online)",
        "country": "DE",
        "latitude": "52.51862",
        "longitude": "13.37618",
        "level": "national",
        "start_year": 2023,
        "end_year": 2024,
        "population": 84000000,
        "topics": ["sortition", "health", "environment"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "After several citizens' assemblies organised by civil society, the Bundestag decided "
            "in 2023 to commission assemblies itself and chose nutrition as the first topic. "
            "Members were drawn by lot from residents aged 16 and over, with selection taking "
            "account of age, gender, region, education and eating habits. They met in Berlin and "
            "online before presenting their report in early 2024."
        ),
        "steps": [
            "Parliament sets the topic and the mandate",
            "Random selection of 160 residents aged 16 and over",
            "Sessions in Berlin and online with expert input",
            "Recommendations handed to parliament for follow-up",
        ],
        "figures": [
            ("160", "members drawn by lot"),
            ("9", "recommendations"),
            ("16", "minimum age of members"),
        ],
        "lessons": (
            "Commissioning an assembly directly by parliament gives it visibility, but also "
            "exposes it to party disputes over its cost and legitimacy. How committees and "
            "ministries follow up on proposals such as free school meals will shape trust in "
            "future assemblies."
        ),
    },
    {
        "slug": "new-york-city-participatory-budgeting",
        "title": "Participatory budgeting in New York City",
        "summary": (
            "Participatory budgeting began in four New York City council districts in 2011 and "
            "grew into one of the largest processes in the United States, open to residents "
            "regardless of citizenship and including young people."
        ),
        "place": "New York City, New York",
        "country": "US",
        "latitude": "40.71278",
        "longitude": "-74.00597",
        "level": "municipal",
        "start_year": 2011,
        "end_year": None,
        "population": 8400000,
        "topics": ["participatory-budgeting", "youth", "social-inclusion"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["migrants", "youth"],
        "context": (
            "Council members volunteered part of their discretionary capital funds for residents "
            "to allocate. Neighbourhood assemblies gather ideas, volunteer budget delegates "
            "develop proposals with city agencies, and residents vote on projects such as school "
            "upgrades, parks and street safety. In 2022 the city also launched a city-wide "
            "process open to residents aged 11 and over."
        ),
        "steps": [
            "Neighbourhood assemblies collect ideas",
            "Budget delegates develop proposals with agencies",
            "Project expos and community vote",
            "Funded projects are built and monitored",
        ],
        "figures": [
            ("4", "council districts in the first cycle"),
            ("11", "minimum age in the city-wide process"),
        ],
        "lessons": (
            "Opening the vote to non-citizens and young people brought in residents who are "
            "excluded from elections. Capital funds can only pay for physical projects, which "
            "shaped the kinds of ideas that could win."
        ),
        "translations": {
            "fr": {
                "title": "Budget participatif à New York",
                "slug": "budget-participatif-new-york",
                "summary": (
                    "Le budget participatif a commencé en 2011 dans quatre circonscriptions du "
                    "conseil municipal de New York et est devenu l'un des plus grands dispositifs "
                    "des États-Unis, ouvert aux habitants quelle que soit leur nationalité et "
                    "incluant les jeunes."
                ),
                "place": "New York, État de New York",
                "context": (
                    "Des conseillers municipaux ont confié aux habitants une partie de leurs "
                    "crédits d'investissement discrétionnaires. Des assemblées de quartier "
                    "recueillent les idées, des délégués bénévoles élaborent les propositions "
                    "avec les services de la ville, et les habitants votent sur des projets comme "
                    "la rénovation d'écoles, des parcs ou la sécurité routière. En 2022, la ville "
                    "a aussi lancé un processus à l'échelle de toute la ville, ouvert dès 11 ans."
                ),
                "steps": [
                    "Des assemblées de quartier recueillent les idées",
                    "Des délégués élaborent les propositions avec les services",
                    "Présentation des projets et vote des habitants",
                    "Les projets financés sont réalisés et suivis",
                ],
                "figure_labels": [
                    "circonscriptions lors du premier cycle",
                    "âge minimum dans le processus à l'échelle de la ville",
                ],
                "lessons": (
                    "Ouvrir le vote aux personnes sans nationalité américaine et aux jeunes a "
                    "permis d'inclure des habitants exclus des élections. Les crédits "
                    "d'investissement ne financent que des projets physiques, ce qui a orienté le "
                    "type d'idées pouvant l'emporter."
                ),
            },
            "es": {
                "title": "Presupuesto participativo en Nueva York",
                "slug": "presupuesto-participativo-nueva-york",
                "summary": (
                    "El presupuesto participativo comenzó en 2011 en cuatro distritos del concejo "
                    "municipal de Nueva York y se convirtió en uno de los mayores procesos de "
                    "Estados Unidos, abierto a residentes sin importar su ciudadanía e incluyendo "
                    "a jóvenes."
                ),
                "place": "Nueva York, estado de Nueva York",
                "context": (
                    "Varios concejales cedieron a los residentes parte de sus fondos "
                    "discrecionales de inversión. Asambleas vecinales recogen ideas, delegados "
                    "voluntarios elaboran propuestas con las agencias municipales y los "
                    "residentes votan proyectos como mejoras en escuelas, parques y seguridad "
                    "vial. En 2022 la ciudad lanzó además un proceso para toda la ciudad abierto "
                    "a partir de los 11 años."
                ),
                "steps": [
                    "Asambleas vecinales recogen ideas",
                    "Delegados elaboran propuestas con las agencias",
                    "Ferias de proyectos y votación vecinal",
                    "Los proyectos financiados se construyen y se supervisan",
                ],
                "figure_labels": [
                    "distritos del concejo en el primer ciclo",
                    "edad mínima en el proceso de toda la ciudad",
                ],
                "lessons": (
                    "Abrir la votación a personas sin ciudadanía estadounidense y a jóvenes "
                    "incorporó a residentes excluidos de las elecciones. Los fondos de inversión "
                    "solo pueden financiar proyectos físicos, lo que condicionó el tipo de ideas "
                    "que podían ganar."
                ),
            },
        },
    },
    {
        "slug": "chicago-49th-ward-participatory-budgeting",
        "title": "Participatory budgeting in Chicago's 49th Ward",
        "summary": (
            "In 2009 the alderman of Chicago's 49th Ward, in Rogers Park, let residents decide "
            "how to spend his yearly discretionary infrastructure funds, in the first "
            "participatory budget in the United States."
        ),
        "place": "Rogers Park, Chicago, Illinois",
        "country": "US",
        "latitude": "42.01080",
        "longitude": "-87.66720",
        "level": "municipal",
        "start_year": 2009,
        "end_year": None,
        "population": 55000,
        "budget": ("1000000", "USD"),
        "topics": ["participatory-budgeting", "urban-planning", "mobility"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public"],
        "context": (
            "Each Chicago alderman receives a discretionary fund for local infrastructure. "
            "Inspired by experiences abroad, the 49th Ward opened this money to residents, who "
            "met in assemblies, worked in committees on topics such as transport, parks and "
            "public art, and voted on the final list of projects."
        ),
        "steps": [
            "Ward assemblies gather ideas",
            "Resident committees research and cost projects",
            "Ward-wide vote on the project ballot",
            "Projects are delivered through city departments",
        ],
        "figures": [
            ("1000000", "dollars decided each year (approx.)"),
        ],
        "lessons": (
            "A single local representative can start participatory budgeting with existing "
            "discretionary funds. The 49th Ward experience became a template for other cities in "
            "the United States and Canada."
        ),
    },
    {
        "slug": "oregon-citizens-initiative-review",
        "title": "Citizens' Initiative Review in Oregon",
        "summary": (
            "Oregon's Citizens' Initiative Review brings together about two dozen randomly "
            "selected voters to examine a ballot measure over several days and write a statement "
            "for all voters, published in the official voters' pamphlet."
        ),
        "place": "Oregon",
        "country": "US",
        "latitude": "44.94290",
        "longitude": "-123.03510",
        "level": "regional",
        "start_year": 2010,
        "end_year": None,
        "population": 4200000,
        "topics": ["sortition", "legal-frameworks", "transparency"],
        "mechanisms": ["citizens-assembly", "referendum"],
        "groups": ["general-public"],
        "context": (
            "Ballot initiatives are central to Oregon politics, but campaigns often rely on "
            "misleading advertising. After a pilot in 2010, the state legislature made the review "
            "an official part of elections in 2011. Panellists hear from supporters, opponents "
            "and neutral experts before writing key findings and the strongest arguments on each "
            "side."
        ),
        "steps": [
            "Random selection of about 24 voters balanced by demographics",
            "Hearings with advocates on both sides and experts",
            "Deliberation on the main facts and arguments",
            "Citizens' statement printed in the voters' pamphlet",
        ],
        "figures": [
            ("24", "panellists per review (approx.)"),
            ("5", "days of deliberation per review (approx.)"),
        ],
        "lessons": (
            "A short citizens' statement in an official publication can help voters make informed "
            "choices. The model depends on stable funding, and reviews have not been held in "
            "every election cycle."
        ),
    },
    {
        "slug": "boston-youth-lead-the-change",
        "title": "Youth Lead the Change in Boston",
        "summary": (
            "Since 2014 Boston has let young people aged 12 to 25 decide how to spend about one "
            "million dollars of the city's capital budget, in what was presented as the first "
            "youth participatory budget of a major US city."
        ),
        "place": "Boston, Massachusetts",
        "country": "US",
        "latitude": "42.36008",
        "longitude": "-71.05888",
        "level": "municipal",
        "start_year": 2014,
        "end_year": None,
        "population": 680000,
        "budget": ("1000000", "USD"),
        "topics": ["youth-participatory-budgeting", "youth"],
        "mechanisms": ["participatory-budgeting"],
        "groups": ["youth"],
        "context": (
            "The city's youth participatory budget grew out of its youth council and summer "
            "employment programmes. Young people collect ideas across neighbourhoods, youth "
            "volunteers turn them into proposals with city departments, and a city-wide vote "
            "selects projects such as park renovations, school facilities and digital equipment."
        ),
        "steps": [
            "Idea collection in schools and neighbourhoods",
            "Youth volunteers develop proposals with city staff",
            "City-wide youth vote",
            "City departments deliver the projects",
        ],
        "figures": [
            ("1000000", "dollars of capital budget per year (approx.)"),
            ("12", "minimum age of participants"),
            ("25", "maximum age of participants"),
        ],
        "lessons": (
            "Giving young people real decision power over capital funds builds civic skills and "
            "trust in local government. Capital budget rules limit which projects are eligible, "
            "so explaining the constraints early helps avoid frustration."
        ),
        "translations": {
            "fr": {
                "title": "Youth Lead the Change à Boston",
                "slug": "youth-lead-the-change-boston",
                "summary": (
                    "Depuis 2014, Boston permet aux jeunes de 12 à 25 ans de décider de "
                    "l'utilisation d'environ un million de dollars du budget d'investissement de "
                    "la ville, dans ce qui a été présenté comme le premier budget participatif "
                    "des jeunes d'une grande ville des États-Unis."
                ),
                "place": "Boston, Massachusetts",
                "context": (
                    "Le budget participatif des jeunes de la ville est né de son conseil des "
                    "jeunes et de ses programmes d'emplois d'été. Les jeunes recueillent des "
                    "idées dans les quartiers, des jeunes bénévoles les transforment en "
                    "propositions avec les services municipaux, et un vote à l'échelle de la "
                    "ville retient des projets comme la rénovation de parcs, des équipements "
                    "scolaires ou du matériel numérique."
                ),
                "steps": [
                    "Collecte d'idées dans les écoles et les quartiers",
                    "Des jeunes bénévoles élaborent les propositions avec les services",
                    "Vote des jeunes à l'échelle de la ville",
                    "Les services municipaux réalisent les projets",
                ],
                "figure_labels": [
                    "dollars du budget d'investissement par an (environ)",
                    "âge minimum des participants",
                    "âge maximum des participants",
                ],
                "lessons": (
                    "Donner aux jeunes un réel pouvoir de décision sur des crédits "
                    "d'investissement développe leurs compétences civiques et leur confiance dans "
                    "l'administration locale. Les règles du budget d'investissement limitent les "
                    "projets éligibles : expliquer ces contraintes dès le départ évite les "
                    "frustrations."
                ),
            },
            "es": {
                "title": "Youth Lead the Change en Boston",
                "slug": "youth-lead-the-change-boston",
                "summary": (
                    "Desde 2014, Boston permite que jóvenes de 12 a 25 años decidan cómo gastar "
                    "cerca de un millón de dólares del presupuesto de inversión de la ciudad, en "
                    "lo que se presentó como el primer presupuesto participativo juvenil de una "
                    "gran ciudad de Estados Unidos."
                ),
                "place": "Boston, Massachusetts",
                "context": (
                    "El presupuesto participativo juvenil de la ciudad surgió de su consejo de la "
                    "juventud y de sus programas de empleo de verano. Las personas jóvenes "
                    "recogen ideas en los barrios, jóvenes voluntarios las convierten en "
                    "propuestas con los departamentos municipales y una votación en toda la "
                    "ciudad elige proyectos como la renovación de parques, instalaciones "
                    "escolares o equipos digitales."
                ),
                "steps": [
                    "Recogida de ideas en escuelas y barrios",
                    "Jóvenes voluntarios elaboran propuestas con el personal municipal",
                    "Votación juvenil en toda la ciudad",
                    "Los departamentos municipales ejecutan los proyectos",
                ],
                "figure_labels": [
                    "dólares del presupuesto de inversión por año (aprox.)",
                    "edad mínima de participación",
                    "edad máxima de participación",
                ],
                "lessons": (
                    "Dar a la juventud un poder real de decisión sobre fondos de inversión "
                    "desarrolla habilidades cívicas y confianza en el gobierno local. Las reglas "
                    "del presupuesto de inversión limitan los proyectos posibles, por lo que "
                    "explicar esas restricciones desde el principio evita frustraciones."
                ),
            },
        },
    },
    {
        "slug": "british-columbia-citizens-assembly-electoral-reform",
        "title": "British Columbia Citizens' Assembly on Electoral Reform",
        "summary": (
            "In 2004, 160 randomly selected British Columbians studied electoral systems for most "
            "of the year and recommended a single transferable vote system, which was put to a "
            "province-wide referendum in 2005."
        ),
        "place": "British Columbia (sessions in Vancouver)",
        "country": "CA",
        "latitude": "49.28273",
        "longitude": "-123.12074",
        "level": "regional",
        "start_year": 2004,
        "end_year": 2005,
        "population": 4200000,
        "topics": ["sortition", "legal-frameworks"],
        "mechanisms": ["citizens-assembly", "referendum"],
        "groups": ["general-public", "indigenous"],
        "context": (
            "The provincial government created the assembly after elections that produced "
            "distorted results, and committed to put its recommendation directly to voters. One "
            "woman and one man were drawn from each electoral district, and two Indigenous "
            "members were added. Members learned about voting systems, held public hearings and "
            "deliberated before deciding."
        ),
        "steps": [
            "Random selection of one woman and one man per district",
            "Learning phase on electoral systems",
            "Public hearings across the province",
            "Recommendation and referendum",
        ],
        "figures": [
            ("160", "assembly members"),
            ("57", "percent yes vote in 2005 (approx.)"),
            ("60", "percent threshold required for adoption"),
        ],
        "lessons": (
            "Ordinary citizens can master a technical subject and reach a clear recommendation. "
            "The proposal won a majority but not the required supermajority, and a second "
            "referendum in 2009 failed, showing how hard it is to connect a small assembly with "
            "the wider electorate."
        ),
    },
    {
        "slug": "ontario-citizens-assembly-electoral-reform",
        "title": "Ontario Citizens' Assembly on Electoral Reform",
        "summary": (
            "In 2006 and 2007, 103 randomly selected Ontarians examined the province's voting "
            "system and recommended a mixed member proportional model, which voters rejected in a "
            "2007 referendum."
        ),
        "place": "Ontario (sessions in Toronto)",
        "country": "CA",
        "latitude": "43.65323",
        "longitude": "-79.38318",
        "level": "regional",
        "start_year": 2006,
        "end_year": 2007,
        "population": 12700000,
        "topics": ["sortition", "legal-frameworks"],
        "mechanisms": ["citizens-assembly", "referendum"],
        "groups": ["general-public"],
        "context": (
            "Following the British Columbia example, the Ontario government convened an assembly "
            "with one member from each provincial electoral district, including at least one "
            "Indigenous member, and an independent chair. Members studied electoral systems, held "
            "consultation meetings and read written submissions before reaching their "
            "recommendation."
        ),
        "steps": [
            "Random selection of one member per electoral district",
            "Learning phase with academic experts",
            "Public consultation meetings and submissions",
            "Recommendation put to a provincial referendum",
        ],
        "figures": [
            ("103", "assembly members"),
            ("37", "percent support in the 2007 referendum (approx.)"),
        ],
        "lessons": (
            "A limited public information campaign and little time before the referendum left "
            "many voters unaware of the assembly and its reasoning. The case highlights the need "
            "to invest in explaining a mini-public's work to the wider public."
        ),
    },
    {
        "slug": "montreal-citywide-participatory-budget",
        "title": "Montreal's city-wide participatory budget",
        "summary": (
            "Montreal launched its first city-wide participatory budget in 2020, with 10 million "
            "Canadian dollars for projects supporting the ecological and social transition, "
            "chosen by residents aged 12 and over."
        ),
        "place": "Montreal, Quebec",
        "country": "CA",
        "latitude": "45.50169",
        "longitude": "-73.56726",
        "level": "municipal",
        "start_year": 2020,
        "end_year": None,
        "population": 1780000,
        "budget": ("10000000", "CAD"),
        "topics": ["participatory-budgeting", "climate", "youth"],
        "mechanisms": ["participatory-budgeting", "co-design"],
        "groups": ["general-public", "youth"],
        "context": (
            "Several Montreal boroughs had experimented with participatory budgeting since the "
            "mid-2000s, notably Plateau-Mont-Royal. The city then created a central edition "
            "focused on climate and social resilience. Residents submit ideas, volunteers and "
            "city staff develop them into projects, and a public vote decides which ones are "
            "funded."
        ),
        "steps": [
            "Residents submit ideas for the ecological transition",
            "Projects developed jointly with city staff",
            "Public vote open to residents aged 12 and over",
            "Implementation and public tracking of projects",
        ],
        "figures": [
            ("10000000", "Canadian dollars in the first edition"),
            ("12", "minimum voting age"),
        ],
        "lessons": (
            "Linking a participatory budget to a clear climate goal helps focus proposals and "
            "makes the connection between local action and global challenges concrete. Long "
            "delivery times for complex projects call for regular progress reports."
        ),
        "translations": {
            "fr": {
                "title": "Budget participatif de la Ville de Montréal",
                "slug": "budget-participatif-montreal",
                "summary": (
                    "Montréal a lancé en 2020 son premier budget participatif à l'échelle de la "
                    "ville, doté de 10 millions de dollars canadiens pour des projets de "
                    "transition écologique et sociale choisis par les résidents de 12 ans et "
                    "plus."
                ),
                "place": "Montréal, Québec",
                "context": (
                    "Plusieurs arrondissements montréalais expérimentaient le budget participatif "
                    "depuis le milieu des années 2000, notamment le Plateau-Mont-Royal. La ville "
                    "a ensuite créé une édition centrale axée sur le climat et la résilience "
                    "sociale. Les résidents déposent des idées, des bénévoles et des employés "
                    "municipaux les transforment en projets, et un vote public décide lesquels "
                    "sont financés."
                ),
                "steps": [
                    "Les résidents déposent des idées pour la transition écologique",
                    "Projets élaborés conjointement avec les services de la ville",
                    "Vote public ouvert aux résidents de 12 ans et plus",
                    "Réalisation et suivi public des projets",
                ],
                "figure_labels": [
                    "dollars canadiens lors de la première édition",
                    "âge minimum pour voter",
                ],
                "lessons": (
                    "Associer un budget participatif à un objectif climatique clair aide à "
                    "orienter les propositions et rend concret le lien entre action locale et "
                    "enjeux mondiaux. Les longs délais de réalisation des projets complexes "
                    "exigent des comptes rendus réguliers sur leur avancement."
                ),
            },
            "es": {
                "title": "Presupuesto participativo de la ciudad de Montreal",
                "slug": "presupuesto-participativo-montreal",
                "summary": (
                    "Montreal puso en marcha en 2020 su primer presupuesto participativo para "
                    "toda la ciudad, con 10 millones de dólares canadienses destinados a "
                    "proyectos de transición ecológica y social elegidos por residentes de 12 "
                    "años o más."
                ),
                "place": "Montreal, Quebec",
                "context": (
                    "Varios distritos de Montreal experimentaban con el presupuesto participativo "
                    "desde mediados de los años 2000, en particular Plateau-Mont-Royal. La ciudad "
                    "creó después una edición central centrada en el clima y la resiliencia "
                    "social. Los residentes presentan ideas, voluntarios y personal municipal las "
                    "convierten en proyectos y una votación pública decide cuáles se financian."
                ),
                "steps": [
                    "Los residentes presentan ideas para la transición ecológica",
                    "Proyectos elaborados junto con el personal municipal",
                    "Votación pública abierta a residentes de 12 años o más",
                    "Ejecución y seguimiento público de los proyectos",
                ],
                "figure_labels": [
                    "dólares canadienses en la primera edición",
                    "edad mínima para votar",
                ],
                "lessons": (
                    "Vincular un presupuesto participativo a un objetivo climático claro ayuda a "
                    "orientar las propuestas y hace concreta la relación entre la acción local y "
                    "los desafíos globales. Los largos plazos de ejecución de los proyectos "
                    "complejos requieren informes de avance periódicos."
                ),
            },
        },
    },
    {
        "slug": "mexico-city-participatory-budget",
        "title": "Participatory budget in Mexico City",
        "summary": (
            "Since 2011 a fixed share of each Mexico City borough's budget has been decided by "
            "residents through neighbourhood consultations on projects for their area, a system "
            "reinforced by the city's 2019 citizen participation law."
        ),
        "place": "Mexico City",
        "country": "MX",
        "latitude": "19.43261",
        "longitude": "-99.13321",
        "level": "municipal",
        "start_year": 2011,
        "end_year": None,
        "population": 9200000,
        "topics": ["participatory-budgeting", "public-services", "legal-frameworks"],
        "mechanisms": ["participatory-budgeting", "consultation"],
        "groups": ["general-public"],
        "context": (
            "The capital's citizen participation law requires boroughs to reserve a percentage of "
            "their budget for projects chosen in each neighbourhood unit. Residents submit "
            "projects, which are reviewed for feasibility, and then vote online or at polling "
            "stations organised by the city's electoral institute."
        ),
        "steps": [
            "Residents register project proposals",
            "Feasibility review of the proposals",
            "Vote organised by the electoral institute",
            "Neighbourhood committees oversee implementation",
        ],
        "figures": [
            ("3", "percent or more of borough budgets reserved (approx.)"),
            ("16", "boroughs taking part"),
        ],
        "lessons": (
            "Entrusting the vote to the electoral institute gave the process credibility and "
            "reach. Low turnout in many neighbourhoods and limited follow-up on implementation "
            "remain challenges."
        ),
    },
    {
        "slug": "peru-participatory-budget-law",
        "title": "Peru's national participatory budgeting law",
        "summary": (
            "In 2003 Peru passed a framework law making participatory budgeting mandatory for "
            "regional and local governments, so that civil society representatives help set "
            "investment priorities every year."
        ),
        "place": "Peru",
        "country": "PE",
        "latitude": "-12.04637",
        "longitude": "-77.04279",
        "level": "national",
        "start_year": 2003,
        "end_year": None,
        "population": 33000000,
        "topics": ["legal-frameworks", "participatory-budgeting", "transparency"],
        "mechanisms": ["participatory-budgeting", "participatory-planning"],
        "groups": ["general-public", "low-income"],
        "context": (
            "As part of the decentralisation that followed the end of the Fujimori government, "
            "Peru decided to make citizen participation a nationwide rule. The law requires every "
            "region, province and district to hold participatory workshops with registered civil "
            "society agents, agree priorities linked to development plans and set up oversight "
            "committees."
        ),
        "steps": [
            "Registration of participating civil society agents",
            "Training and diagnostic workshops",
            "Prioritisation of investment projects",
            "Formal agreement and oversight by a monitoring committee",
        ],
        "figures": [
            ("1800", "regional and local governments covered (approx.)"),
        ],
        "lessons": (
            "A national law spread participatory budgeting to all regional and local governments, "
            "including rural ones. Uniform rules, however, sometimes turned the process into a "
            "formality, and results depended on local political will and the strength of civil "
            "society."
        ),
    },
    {
        "slug": "dominican-republic-participatory-budget-law",
        "title": "Participatory municipal budgeting law in the Dominican Republic",
        "summary": (
            "The Dominican Republic made participatory budgeting a legal obligation for all "
            "municipalities in 2007, building on local experiences that had begun earlier in the "
            "decade."
        ),
        "place": "Dominican Republic",
        "country": "DO",
        "latitude": "18.48605",
        "longitude": "-69.93121",
        "level": "national",
        "start_year": 2007,
        "end_year": None,
        "population": 11000000,
        "topics": ["legal-frameworks", "participatory-budgeting"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "low-income"],
        "context": (
            "Pioneering municipalities such as Villa González had opened their budgets to "
            "residents in the early 2000s. National laws on municipalities and on participatory "
            "budgeting then required local governments to devote part of their investment "
            "spending to projects agreed with communities in neighbourhood and sectoral "
            "assemblies."
        ),
        "steps": [
            "Preparatory meetings with community organisations",
            "Neighbourhood assemblies identify needs",
            "Sectoral assemblies prioritise works",
            "Council approval and monitoring by oversight committees",
        ],
        "figures": [
            ("2007", "year the national law was passed"),
            ("158", "municipalities covered (approx.)"),
        ],
        "lessons": (
            "National legislation spread the practice quickly, but uneven municipal resources and "
            "capacity meant that quality varied widely. Support from the national federation of "
            "municipalities helped to share methods."
        ),
        "translations": {
            "fr": {
                "title": "Loi sur le budget participatif municipal en République dominicaine",
                "slug": "loi-budget-participatif-republique-dominicaine",
                "summary": (
                    "La République dominicaine a fait du budget participatif une obligation "
                    "légale pour toutes les municipalités en 2007, en s'appuyant sur des "
                    "expériences locales commencées plus tôt dans la décennie."
                ),
                "place": "République dominicaine",
                "context": (
                    "Des municipalités pionnières comme Villa González avaient ouvert leur budget "
                    "aux habitants au début des années 2000. Des lois nationales sur les "
                    "municipalités et sur le budget participatif ont ensuite obligé les "
                    "collectivités à consacrer une partie de leurs investissements à des projets "
                    "décidés avec les communautés lors d'assemblées de quartier et sectorielles."
                ),
                "steps": [
                    "Réunions préparatoires avec les organisations communautaires",
                    "Des assemblées de quartier identifient les besoins",
                    "Des assemblées sectorielles hiérarchisent les travaux",
                    "Approbation par le conseil et suivi par des comités de contrôle",
                ],
                "figure_labels": [
                    "année d'adoption de la loi nationale",
                    "municipalités concernées (environ)",
                ],
                "lessons": (
                    "La législation nationale a diffusé rapidement la pratique, mais l'inégalité "
                    "des ressources et des capacités municipales a entraîné une qualité très "
                    "variable. L'appui de la fédération nationale des municipalités a aidé à "
                    "partager les méthodes."
                ),
            },
            "es": {
                "title": "Ley de presupuesto participativo municipal en la República Dominicana",
                "slug": "ley-presupuesto-participativo-republica-dominicana",
                "summary": (
                    "La República Dominicana convirtió en 2007 el presupuesto participativo en "
                    "una obligación legal para todos los municipios, a partir de experiencias "
                    "locales iniciadas a comienzos de esa década."
                ),
                "place": "República Dominicana",
                "context": (
                    "Municipios pioneros como Villa González habían abierto su presupuesto a la "
                    "población a principios de los años 2000. Después, leyes nacionales sobre los "
                    "municipios y sobre el presupuesto participativo obligaron a los gobiernos "
                    "locales a destinar parte de su inversión a proyectos acordados con las "
                    "comunidades en asambleas barriales y sectoriales."
                ),
                "steps": [
                    "Reuniones preparatorias con organizaciones comunitarias",
                    "Asambleas barriales identifican necesidades",
                    "Asambleas sectoriales priorizan las obras",
                    "Aprobación del concejo y seguimiento por comités de control",
                ],
                "figure_labels": [
                    "año de aprobación de la ley nacional",
                    "municipios abarcados (aprox.)",
                ],
                "lessons": (
                    "La legislación nacional extendió rápidamente la práctica, pero la "
                    "desigualdad de recursos y capacidades municipales hizo que la calidad "
                    "variara mucho. El apoyo de la federación nacional de municipios ayudó a "
                    "compartir metodologías."
                ),
            },
        },
    },
    {
        "slug": "medellin-participatory-budget",
        "title": "Local planning and participatory budget in Medellín",
        "summary": (
            "Since 2004 Medellín has let residents of its urban communes and rural districts "
            "decide on about 5 percent of the municipal budget through local planning councils "
            "and neighbourhood assemblies."
        ),
        "place": "Medellín, Antioquia",
        "country": "CO",
        "latitude": "6.24420",
        "longitude": "-75.58121",
        "level": "municipal",
        "start_year": 2004,
        "end_year": None,
        "population": 2500000,
        "topics": ["participatory-budgeting", "social-inclusion", "urban-planning"],
        "mechanisms": ["participatory-budgeting", "participatory-planning"],
        "groups": ["general-public", "low-income"],
        "context": (
            "After decades of violence, the city pursued social urbanism and stronger community "
            "organisation. The participatory budget was tied to local development plans, with "
            "communal planning councils prioritising investment in education, culture, youth and "
            "infrastructure. Municipal rules later consolidated the system."
        ),
        "steps": [
            "Neighbourhood assemblies elect delegates",
            "Communal planning councils set priorities",
            "Projects are linked to local development plans",
            "Municipal departments implement and report",
        ],
        "figures": [
            ("5", "percent of the municipal budget (approx.)"),
            ("21", "urban communes and rural districts"),
        ],
        "lessons": (
            "Tying the participatory budget to local development plans gave it a longer-term "
            "direction. The city also had to manage the risk of capture by local power brokers, "
            "which led to reforms of the rules and of oversight."
        ),
    },
    {
        "slug": "rosario-participatory-budget",
        "title": "Participatory budget with a gender and youth focus in Rosario",
        "summary": (
            "Rosario has run a participatory budget since 2002, organised in its six districts, "
            "and is known for measures promoting women's participation and for a separate "
            "participatory budget for young people."
        ),
        "place": "Rosario, Santa Fe",
        "country": "AR",
        "latitude": "-32.94424",
        "longitude": "-60.65054",
        "level": "municipal",
        "start_year": 2002,
        "end_year": None,
        "population": 950000,
        "topics": ["participatory-budgeting", "gender", "youth"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["women", "youth"],
        "context": (
            "The city adopted participatory budgeting after Argentina's 2001 economic crisis, "
            "building on its earlier decentralisation into six districts. District councils of "
            "elected delegates develop the projects. The municipality brought an equal "
            "opportunities perspective into the process and created a youth edition so that "
            "teenagers could propose their own projects."
        ),
        "steps": [
            "District assemblies gather residents' proposals",
            "Participatory councils develop projects",
            "District-wide vote on projects",
            "Municipal implementation and monitoring",
        ],
        "figures": [
            ("6", "districts"),
        ],
        "lessons": (
            "Building a gender perspective into the rules and project criteria helped women's "
            "priorities reach the budget. The youth track showed how one participatory budget can "
            "be adapted for different groups."
        ),
    },
    {
        "slug": "montevideo-decentralisation-participatory-budget",
        "title": "Decentralisation and participatory budget in Montevideo",
        "summary": (
            "Since 1990 Montevideo has decentralised its administration into zones with "
            "neighbourhood councils, and since the mid-2000s residents have voted on local "
            "projects through a participatory budget."
        ),
        "place": "Montevideo",
        "country": "UY",
        "latitude": "-34.90111",
        "longitude": "-56.16453",
        "level": "municipal",
        "start_year": 1990,
        "end_year": None,
        "population": 1300000,
        "topics": ["participatory-budgeting", "urban-planning"],
        "mechanisms": ["neighbourhood-assembly", "participatory-budgeting"],
        "groups": ["general-public"],
        "context": (
            "When a new left-wing city government took office in 1990, it divided the city into "
            "18 zones, each with a community centre and, later, an elected neighbourhood council. "
            "Participatory budgeting built on this structure, letting residents propose and vote "
            "on works. National reforms created eight municipalities within Montevideo in 2010."
        ),
        "steps": [
            "Residents submit proposals for their zone",
            "Neighbourhood councils and staff assess them",
            "Public vote on local projects",
            "Execution by the municipality and council follow-up",
        ],
        "figures": [
            ("18", "zones with community centres"),
            ("8", "municipalities created within the department in 2010"),
        ],
        "lessons": (
            "Lasting neighbourhood structures gave participatory budgeting a solid foundation. "
            "The overlap between the older zonal councils and the new municipalities, however, "
            "took time to sort out."
        ),
        "translations": {
            "fr": {
                "title": "Décentralisation et budget participatif à Montevideo",
                "slug": "decentralisation-budget-participatif-montevideo",
                "summary": (
                    "Depuis 1990, Montevideo a décentralisé son administration en zones dotées de "
                    "conseils de quartier et, depuis le milieu des années 2000, les habitants "
                    "votent sur des projets locaux dans le cadre d'un budget participatif."
                ),
                "place": "Montevideo",
                "context": (
                    "À son arrivée en 1990, une nouvelle équipe municipale de gauche a divisé la "
                    "ville en 18 zones, chacune dotée d'un centre communal puis d'un conseil de "
                    "quartier élu. Le budget participatif s'est appuyé sur cette structure pour "
                    "permettre aux habitants de proposer et de voter des travaux. Des réformes "
                    "nationales ont créé huit municipalités au sein de Montevideo en 2010."
                ),
                "steps": [
                    "Les habitants déposent des propositions pour leur zone",
                    "Les conseils de quartier et les services les évaluent",
                    "Vote public sur les projets locaux",
                    "Réalisation par la municipalité et suivi par les conseils",
                ],
                "figure_labels": [
                    "zones dotées de centres communaux",
                    "municipalités créées dans le département en 2010",
                ],
                "lessons": (
                    "Des structures de quartier durables ont donné au budget participatif une "
                    "base solide. Le chevauchement entre les anciens conseils de zone et les "
                    "nouvelles municipalités a toutefois demandé du temps pour clarifier les "
                    "rôles."
                ),
            },
            "es": {
                "title": "Descentralización y presupuesto participativo en Montevideo",
                "slug": "descentralizacion-presupuesto-participativo-montevideo",
                "summary": (
                    "Desde 1990, Montevideo ha descentralizado su administración en zonas con "
                    "concejos vecinales y, desde mediados de los años 2000, los vecinos votan "
                    "proyectos locales mediante un presupuesto participativo."
                ),
                "place": "Montevideo",
                "context": (
                    "Al asumir en 1990, un nuevo gobierno municipal de izquierda dividió la "
                    "ciudad en 18 zonas, cada una con un centro comunal y, más tarde, un concejo "
                    "vecinal electo. El presupuesto participativo se apoyó en esta estructura "
                    "para que los vecinos propusieran y votaran obras. Reformas nacionales "
                    "crearon ocho municipios dentro de Montevideo en 2010."
                ),
                "steps": [
                    "Los vecinos presentan propuestas para su zona",
                    "Los concejos vecinales y el personal las evalúan",
                    "Votación pública de los proyectos locales",
                    "Ejecución municipal y seguimiento de los concejos",
                ],
                "figure_labels": [
                    "zonas con centros comunales",
                    "municipios creados dentro del departamento en 2010",
                ],
                "lessons": (
                    "Unas estructuras barriales duraderas dieron al presupuesto participativo una "
                    "base sólida. Sin embargo, la superposición entre los antiguos concejos "
                    "zonales y los nuevos municipios requirió tiempo para aclarar funciones."
                ),
            },
        },
    },
    {
        "slug": "ecuador-citizen-participation-framework",
        "title": "Citizen participation framework in Ecuador",
        "summary": (
            "Ecuador's 2008 constitution and its 2010 organic law on citizen participation "
            "require local governments to open spaces for participation, including participatory "
            "budgets, public assemblies and an empty chair for citizens in council sessions."
        ),
        "place": "Ecuador",
        "country": "EC",
        "latitude": "-0.18065",
        "longitude": "-78.46784",
        "level": "national",
        "start_year": 2010,
        "end_year": None,
        "population": 17000000,
        "topics": ["legal-frameworks", "transparency", "participatory-budgeting"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "indigenous"],
        "context": (
            "The constitution created a Council for Citizen Participation and Social Control "
            "within a new branch of the state devoted to transparency. The 2010 law defines "
            "mechanisms such as annual accountability hearings, local participation systems and "
            "the empty chair, and recognises the participation rights of communities, peoples and "
            "nationalities, including Indigenous peoples."
        ),
        "steps": [
            "Each local government sets up a participation system",
            "Citizen assemblies identify priorities",
            "Participatory budget linked to development plans",
            "Annual accountability hearings",
        ],
        "figures": [
            ("221", "cantonal governments required to apply the law (approx.)"),
        ],
        "lessons": (
            "A broad legal framework created many participation channels at once. Critics argued "
            "that the state-led design and the politicisation of the participation council "
            "limited civil society's autonomy, which shows that legal guarantees also need "
            "independent institutions."
        ),
    },
    {
        "slug": "chile-constitutional-convention",
        "title": "Chile's Constitutional Convention",
        "summary": (
            "After mass protests in 2019, Chileans voted in 2020 to draft a new constitution "
            "through an elected convention with gender parity and seats reserved for Indigenous "
            "peoples; the resulting draft was rejected in a 2022 referendum."
        ),
        "place": "Chile (sessions in Santiago)",
        "country": "CL",
        "latitude": "-33.44889",
        "longitude": "-70.66927",
        "level": "national",
        "start_year": 2020,
        "end_year": 2022,
        "population": 19000000,
        "topics": ["legal-frameworks", "gender"],
        "mechanisms": ["referendum", "consultation"],
        "groups": ["women", "indigenous"],
        "context": (
            "The 155-member convention was the first constitution-making body in the world "
            "elected with gender parity. It included 17 seats for Indigenous peoples and many "
            "independent members. It held public hearings and accepted popular initiatives of "
            "norms that citizens could support online, before submitting its draft to a "
            "compulsory vote."
        ),
        "steps": [
            "Entry referendum on whether to draft a new constitution",
            "Election of a gender-balanced convention",
            "Public hearings and citizens' initiatives",
            "Exit referendum on the draft",
        ],
        "figures": [
            ("155", "convention members"),
            ("17", "seats reserved for Indigenous peoples"),
            ("62", "percent of votes against the draft in 2022 (approx.)"),
        ],
        "lessons": (
            "Gender parity and Indigenous representation showed how constitution-making bodies "
            "can reflect society more fully. The rejection of the draft highlights the risk of a "
            "process seen as distant from the wider electorate, despite extensive participation "
            "channels."
        ),
    },
    {
        "slug": "kerala-peoples-plan-campaign",
        "title": "People's Plan Campaign in Kerala",
        "summary": (
            "In 1996 the Indian state of Kerala transferred about a third of its development "
            "funds to village and town councils and asked residents to plan their use through "
            "local assemblies, in one of the largest participatory planning efforts ever."
        ),
        "place": "Kerala",
        "country": "IN",
        "latitude": "8.52414",
        "longitude": "76.93664",
        "level": "regional",
        "start_year": 1996,
        "end_year": None,
        "population": 31000000,
        "topics": ["participatory-budgeting", "gender", "social-inclusion"],
        "mechanisms": ["participatory-planning", "neighbourhood-assembly"],
        "groups": ["women", "low-income"],
        "context": (
            "Constitutional amendments in the early 1990s required Indian states to strengthen "
            "local self-government. Kerala went further with a campaign that combined devolved "
            "funds, training for thousands of volunteers and assemblies in every ward. A share of "
            "local plans was earmarked for projects benefiting women."
        ),
        "steps": [
            "Ward assemblies (grama sabhas) identify needs",
            "Development seminars and task forces draft projects",
            "Local councils approve integrated plans",
            "Implementation followed by social audit",
        ],
        "figures": [
            ("35", "percent of state plan funds devolved (approx.)"),
            ("10", "percent of local plan funds earmarked for women's projects (approx.)"),
        ],
        "lessons": (
            "Devolving money together with training and a mass campaign made local planning real. "
            "Earmarking funds for women and disadvantaged communities helped direct resources to "
            "groups often left out, although the quality of participation varied between "
            "localities."
        ),
        "translations": {
            "fr": {
                "title": "Campagne de planification populaire au Kerala",
                "slug": "campagne-planification-populaire-kerala",
                "summary": (
                    "En 1996, l'État indien du Kerala a transféré environ un tiers de ses fonds "
                    "de développement aux conseils de village et de ville et a demandé aux "
                    "habitants d'en planifier l'usage lors d'assemblées locales, dans l'un des "
                    "plus vastes exercices de planification participative jamais menés."
                ),
                "place": "Kerala",
                "context": (
                    "Des amendements constitutionnels du début des années 1990 ont obligé les "
                    "États indiens à renforcer l'autonomie locale. Le Kerala est allé plus loin "
                    "avec une campagne associant transfert de fonds, formation de milliers de "
                    "bénévoles et assemblées dans chaque circonscription. Une part des plans "
                    "locaux a été réservée à des projets bénéficiant aux femmes."
                ),
                "steps": [
                    "Les assemblées de quartier (grama sabhas) identifient les besoins",
                    "Séminaires de développement et groupes de travail élaborent les projets",
                    "Les conseils locaux approuvent des plans intégrés",
                    "Mise en œuvre suivie d'un audit social",
                ],
                "figure_labels": [
                    "pour cent des fonds du plan de l'État transférés (environ)",
                    (
                        "pour cent des fonds des plans locaux réservés aux projets pour les "
                        "femmes (environ)"
                    ),
                ],
                "lessons": (
                    "Transférer des fonds en les accompagnant de formation et d'une campagne de "
                    "masse a rendu la planification locale bien réelle. Réserver des fonds aux "
                    "femmes et aux communautés défavorisées a aidé à orienter les ressources vers "
                    "des groupes souvent oubliés, même si la qualité de la participation a varié "
                    "selon les localités."
                ),
            },
            "es": {
                "title": "Campaña de Planificación Popular en Kerala",
                "slug": "campana-planificacion-popular-kerala",
                "summary": (
                    "En 1996, el estado indio de Kerala transfirió cerca de un tercio de sus "
                    "fondos de desarrollo a los consejos de aldeas y ciudades y pidió a la "
                    "población que planificara su uso en asambleas locales, en uno de los mayores "
                    "ejercicios de planificación participativa de la historia."
                ),
                "place": "Kerala",
                "context": (
                    "Unas reformas constitucionales de principios de los años noventa obligaron a "
                    "los estados indios a reforzar el autogobierno local. Kerala fue más allá con "
                    "una campaña que combinó transferencia de fondos, formación de miles de "
                    "voluntarios y asambleas en cada distrito electoral. Una parte de los planes "
                    "locales se reservó para proyectos en beneficio de las mujeres."
                ),
                "steps": [
                    "Las asambleas de barrio (grama sabhas) identifican necesidades",
                    "Seminarios de desarrollo y grupos de trabajo elaboran proyectos",
                    "Los consejos locales aprueban planes integrados",
                    "Ejecución seguida de una auditoría social",
                ],
                "figure_labels": [
                    "por ciento de los fondos del plan estatal transferidos (aprox.)",
                    (
                        "por ciento de los fondos de los planes locales reservados a proyectos "
                        "para mujeres (aprox.)"
                    ),
                ],
                "lessons": (
                    "Transferir dinero junto con formación y una campaña masiva hizo real la "
                    "planificación local. Reservar fondos para las mujeres y las comunidades "
                    "desfavorecidas ayudó a dirigir recursos a grupos a menudo olvidados, aunque "
                    "la calidad de la participación varió entre localidades."
                ),
            },
        },
    },
    {
        "slug": "seoul-citizens-participatory-budget",
        "title": "Seoul citizens' participatory budget",
        "summary": (
            "Seoul introduced a citizens' participatory budget in 2012, in which a committee of "
            "residents selected partly by lot reviews proposals and a public vote decides on "
            "projects worth about 50 billion won a year."
        ),
        "place": "Seoul",
        "country": "KR",
        "latitude": "37.56654",
        "longitude": "126.97797",
        "level": "municipal",
        "start_year": 2012,
        "end_year": None,
        "population": 9700000,
        "budget": ("50000000000", "KRW"),
        "topics": ["participatory-budgeting", "public-services"],
        "mechanisms": ["participatory-budgeting", "advisory-council"],
        "groups": ["general-public"],
        "context": (
            "A 2011 amendment to Korea's local finance law required local governments to operate "
            "participatory budgeting. Seoul developed one of the largest systems in the country, "
            "with district and city levels, online and on-site voting, and training for the "
            "residents who sit on the participatory budget committee."
        ),
        "steps": [
            "Residents submit project proposals",
            "The participatory budget committee reviews them",
            "Online and on-site vote",
            "Projects are included in the city budget",
        ],
        "figures": [
            ("50000000000", "won per year (approx.)"),
        ],
        "lessons": (
            "A national legal requirement combined with strong support from the mayor allowed "
            "participatory budgeting to grow quickly. Selecting committee members partly by lot "
            "helped bring in residents beyond established civic groups."
        ),
    },
    {
        "slug": "democracy-seoul",
        "title": "Democracy Seoul online participation platform",
        "summary": (
            "Launched in 2017, Democracy Seoul is the city's online platform where residents "
            "suggest policies, discuss them and vote, and proposals that gain enough support "
            "receive an official answer from the city."
        ),
        "place": "Seoul",
        "country": "KR",
        "latitude": "37.56660",
        "longitude": "126.97840",
        "level": "municipal",
        "start_year": 2017,
        "end_year": None,
        "population": 9700000,
        "topics": ["digital-democracy", "transparency"],
        "mechanisms": ["digital-platform", "consultation"],
        "groups": ["general-public"],
        "context": (
            "Seoul wanted to bring scattered online channels together in one place for citizen "
            "proposals. Ideas are collected and some are selected for public debate, and city "
            "departments respond publicly to those that reach set thresholds. The platform also "
            "hosts public discussions on issues chosen by the mayor."
        ),
        "steps": [
            "Residents post policy proposals",
            "Public online debate on selected proposals",
            "Online vote on proposals",
            "Official answer from the department or the mayor",
        ],
        "figures": [
            ("2017", "year the platform was launched"),
        ],
        "lessons": (
            "Clear thresholds and a commitment to respond give online proposals weight. Keeping "
            "users engaged requires visible follow-up on what happens to proposals after the city "
            "answers."
        ),
    },
    {
        "slug": "vtaiwan",
        "title": "vTaiwan online deliberation",
        "summary": (
            "vTaiwan is an open process started in 2014 by civic technologists and government "
            "officials to deliberate on digital policy issues, using tools such as Pol.is to map "
            "consensus before meetings with ministries."
        ),
        "place": "Taiwan",
        "country": "TW",
        "latitude": "25.03297",
        "longitude": "121.56541",
        "level": "national",
        "start_year": 2014,
        "end_year": None,
        "population": 23500000,
        "topics": ["digital-democracy", "legal-frameworks"],
        "mechanisms": ["digital-platform", "consultation"],
        "groups": ["general-public"],
        "context": (
            "After the 2014 Sunflower Movement, the civic tech community g0v worked with "
            "government officials to create a neutral space for debating regulation. Issues such "
            "as ride-hailing services and online alcohol sales were discussed by thousands of "
            "participants, and visualising opinion groups helped identify statements that most "
            "people could accept."
        ),
        "steps": [
            "A ministry or the community proposes a topic",
            "Online opinion mapping with Pol.is",
            "Live-streamed meetings with stakeholders",
            "The ministry decides on regulation and reports back",
        ],
        "figures": [
            ("26", "cases discussed in the first years (approx.)"),
            ("80", "percent of those cases leading to government action (approx.)"),
        ],
        "lessons": (
            "Opinion-mapping tools can reveal areas of agreement hidden by polarised debate. The "
            "process depends on officials willing to take part, and its use declined when fewer "
            "ministries brought topics to it."
        ),
        "translations": {
            "fr": {
                "title": "Délibération en ligne vTaiwan",
                "slug": "vtaiwan",
                "summary": (
                    "vTaiwan est un processus ouvert lancé en 2014 par des technologues citoyens "
                    "et des fonctionnaires pour délibérer sur des questions de politique "
                    "numérique, avec des outils comme Pol.is qui cartographient les points de "
                    "consensus avant les réunions avec les ministères."
                ),
                "place": "Taïwan",
                "context": (
                    "Après le mouvement des Tournesols de 2014, la communauté de technologie "
                    "civique g0v a travaillé avec des responsables gouvernementaux pour créer un "
                    "espace neutre de débat sur la réglementation. Des sujets comme les services "
                    "de VTC ou la vente d'alcool en ligne ont été discutés par des milliers de "
                    "participants, et la visualisation des groupes d'opinion a aidé à repérer les "
                    "propositions acceptables par le plus grand nombre."
                ),
                "steps": [
                    "Un ministère ou la communauté propose un sujet",
                    "Cartographie des opinions en ligne avec Pol.is",
                    "Réunions retransmises en direct avec les parties prenantes",
                    "Le ministère décide de la réglementation et rend compte",
                ],
                "figure_labels": [
                    "dossiers traités au cours des premières années (environ)",
                    "pour cent de ces dossiers ayant donné lieu à une action publique (environ)",
                ],
                "lessons": (
                    "Les outils de cartographie des opinions peuvent révéler des zones d'accord "
                    "masquées par un débat polarisé. Le processus dépend de fonctionnaires prêts "
                    "à y participer, et son usage a reculé lorsque moins de ministères lui ont "
                    "soumis des sujets."
                ),
            },
            "es": {
                "title": "Deliberación en línea vTaiwan",
                "slug": "vtaiwan",
                "summary": (
                    "vTaiwan es un proceso abierto iniciado en 2014 por tecnólogos cívicos y "
                    "funcionarios para deliberar sobre cuestiones de política digital, con "
                    "herramientas como Pol.is que mapean los consensos antes de las reuniones con "
                    "los ministerios."
                ),
                "place": "Taiwán",
                "context": (
                    "Tras el Movimiento Girasol de 2014, la comunidad de tecnología cívica g0v "
                    "trabajó con responsables del gobierno para crear un espacio neutral de "
                    "debate sobre regulación. Temas como los servicios de transporte con "
                    "conductor por aplicación o la venta de alcohol en línea fueron debatidos por "
                    "miles de participantes, y la visualización de los grupos de opinión ayudó a "
                    "identificar afirmaciones aceptables para la mayoría."
                ),
                "steps": [
                    "Un ministerio o la comunidad propone un tema",
                    "Mapeo de opiniones en línea con Pol.is",
                    "Reuniones transmitidas en directo con los actores implicados",
                    "El ministerio decide la regulación e informa de vuelta",
                ],
                "figure_labels": [
                    "casos debatidos en los primeros años (aprox.)",
                    "por ciento de esos casos que dieron lugar a acciones del gobierno (aprox.)",
                ],
                "lessons": (
                    "Las herramientas de mapeo de opiniones pueden revelar zonas de acuerdo "
                    "ocultas por un debate polarizado. El proceso depende de funcionarios "
                    "dispuestos a participar, y su uso disminuyó cuando menos ministerios le "
                    "plantearon temas."
                ),
            },
        },
    },
    {
        "slug": "indonesia-musrenbang",
        "title": "Development planning deliberations (Musrenbang) in Indonesia",
        "summary": (
            "Under a 2004 national planning law, Indonesian villages, sub-districts, cities, "
            "regencies and provinces hold yearly deliberation meetings called Musrenbang, where "
            "residents and officials propose and prioritise development projects."
        ),
        "place": "Indonesia",
        "country": "ID",
        "latitude": "-6.20876",
        "longitude": "106.84560",
        "level": "national",
        "start_year": 2004,
        "end_year": None,
        "population": 270000000,
        "topics": ["legal-frameworks", "urban-planning", "participatory-budgeting"],
        "mechanisms": ["participatory-planning", "neighbourhood-assembly"],
        "groups": ["general-public", "women"],
        "context": (
            "Indonesia's democratic transition and decentralisation gave local governments new "
            "responsibilities. The national planning law set up a bottom-up cycle of "
            "consultations that feed into local and national plans. Some cities have added "
            "dedicated meetings for women, children or young people to make the process more "
            "inclusive."
        ),
        "steps": [
            "Village meetings list local needs",
            "Sub-district meetings merge priorities",
            "City or regency forum prioritises projects",
            "Provincial and national planning take them into account",
        ],
        "figures": [
            ("2004", "year of the national planning system law"),
            ("5", "tiers from village to national level"),
        ],
        "lessons": (
            "A compulsory national cycle gives every village a voice in planning. Proposals are "
            "often lost between levels, however, and some cities have improved the system with "
            "earmarked funds and online tracking of proposals."
        ),
    },
    {
        "slug": "philippines-bottom-up-budgeting",
        "title": "Bottom-up budgeting in the Philippines",
        "summary": (
            "From 2012 to 2016 the Philippine national government ran bottom-up budgeting, in "
            "which civil society and local governments in each city and municipality identified "
            "anti-poverty projects to be funded by national agencies."
        ),
        "place": "Philippines",
        "country": "PH",
        "latitude": "14.59951",
        "longitude": "120.98422",
        "level": "national",
        "start_year": 2012,
        "end_year": 2016,
        "population": 100000000,
        "topics": ["participatory-budgeting", "social-inclusion", "public-services"],
        "mechanisms": ["participatory-budgeting", "participatory-planning"],
        "groups": ["low-income", "general-public"],
        "context": (
            "The programme aimed to make national spending more responsive to local needs and to "
            "strengthen civil society. Local poverty reduction action teams, half of whose "
            "members came from civil society, prioritised the projects. Later renamed grassroots "
            "participatory budgeting, it was discontinued by the following administration."
        ),
        "steps": [
            "Civil society assemblies elect representatives",
            "Local action teams prioritise anti-poverty projects",
            "National agencies include the projects in their budgets",
            "Local monitoring of implementation",
        ],
        "figures": [
            ("1600", "cities and municipalities involved at its peak (approx.)"),
            ("50", "percent of action team members from civil society (approx.)"),
        ],
        "lessons": (
            "Linking national budgets to local priorities can reach many poor communities "
            "quickly. Dependence on the support of one administration left the programme "
            "vulnerable, and delays in national agencies slowed delivery."
        ),
    },
    {
        "slug": "sapporo-climate-citizens-assembly",
        "title": "Citizens' Assembly on Climate in Sapporo",
        "summary": (
            "In late 2020 researchers organised one of Japan's first climate citizens' assemblies "
            "in Sapporo, where about 20 randomly invited residents discussed how the city could "
            "reach net zero emissions."
        ),
        "place": "Sapporo, Hokkaido",
        "country": "JP",
        "latitude": "43.06186",
        "longitude": "141.35437",
        "level": "municipal",
        "start_year": 2020,
        "end_year": 2020,
        "population": 1970000,
        "topics": ["climate", "sortition"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "Inspired by European climate assemblies, university researchers organised a pilot "
            "assembly in Sapporo to test the approach in Japan, with participants chosen through "
            "random invitations. Because of the pandemic, sessions were held online. Members "
            "discussed energy, housing and transport in a cold northern city, and the results "
            "were made public."
        ),
        "steps": [
            "Random invitation of residents",
            "Online learning sessions with experts",
            "Discussion on energy, housing and transport",
            "Results shared with the city and the public",
        ],
        "figures": [
            ("20", "participants (approx.)"),
        ],
        "lessons": (
            "A small pilot can introduce deliberative methods into a new political culture and "
            "prepare the ground for official assemblies. Several Japanese municipalities later "
            "organised their own climate citizens' assemblies."
        ),
        "translations": {
            "fr": {
                "title": "Assemblée citoyenne pour le climat de Sapporo",
                "slug": "assemblee-citoyenne-climat-sapporo",
                "summary": (
                    "Fin 2020, des chercheurs ont organisé à Sapporo l'une des premières "
                    "assemblées citoyennes pour le climat du Japon, où une vingtaine d'habitants "
                    "invités par tirage au sort ont débattu de la manière dont la ville pourrait "
                    "atteindre la neutralité carbone."
                ),
                "place": "Sapporo, Hokkaidō",
                "context": (
                    "Inspirés par les assemblées climatiques européennes, des chercheurs "
                    "universitaires ont organisé à Sapporo une assemblée pilote pour tester la "
                    "démarche au Japon, avec des participants choisis par invitation aléatoire. "
                    "En raison de la pandémie, les séances se sont tenues en ligne. Les membres "
                    "ont débattu d'énergie, de logement et de transports dans une ville froide du "
                    "nord, et les résultats ont été rendus publics."
                ),
                "steps": [
                    "Invitation aléatoire d'habitants",
                    "Séances d'information en ligne avec des experts",
                    "Débat sur l'énergie, le logement et les transports",
                    "Résultats partagés avec la ville et le public",
                ],
                "figure_labels": ["participants (environ)"],
                "lessons": (
                    "Un petit projet pilote peut introduire les méthodes délibératives dans une "
                    "culture politique nouvelle et préparer le terrain pour des assemblées "
                    "officielles. Plusieurs municipalités japonaises ont ensuite organisé leurs "
                    "propres assemblées citoyennes pour le climat."
                ),
            },
            "es": {
                "title": "Asamblea Ciudadana por el Clima de Sapporo",
                "slug": "asamblea-ciudadana-clima-sapporo",
                "summary": (
                    "A finales de 2020, un grupo de investigadores organizó en Sapporo una de las "
                    "primeras asambleas ciudadanas por el clima de Japón, en la que unos 20 "
                    "residentes invitados al azar debatieron cómo la ciudad podría alcanzar las "
                    "cero emisiones netas."
                ),
                "place": "Sapporo, Hokkaido",
                "context": (
                    "Inspirados por las asambleas climáticas europeas, investigadores "
                    "universitarios organizaron en Sapporo una asamblea piloto para probar el "
                    "método en Japón, con participantes elegidos mediante invitaciones "
                    "aleatorias. Debido a la pandemia, las sesiones se celebraron en línea. Los "
                    "miembros debatieron sobre energía, vivienda y transporte en una ciudad fría "
                    "del norte, y los resultados se hicieron públicos."
                ),
                "steps": [
                    "Invitación aleatoria de residentes",
                    "Sesiones informativas en línea con personas expertas",
                    "Debate sobre energía, vivienda y transporte",
                    "Resultados compartidos con la ciudad y el público",
                ],
                "figure_labels": ["participantes (aprox.)"],
                "lessons": (
                    "Un pequeño piloto puede introducir métodos deliberativos en una cultura "
                    "política nueva y preparar el terreno para asambleas oficiales. Varios "
                    "municipios japoneses organizaron después sus propias asambleas ciudadanas "
                    "por el clima."
                ),
            },
        },
    },
    {
        "slug": "mongolia-deliberative-poll-constitution",
        "title": "National deliberative poll on constitutional amendments in Mongolia",
        "summary": (
            "In 2017, under a new law requiring public deliberation before constitutional change, "
            "Mongolia held a national deliberative poll in which a random sample of citizens "
            "discussed proposed amendments in Ulaanbaatar."
        ),
        "place": "Mongolia (sessions in Ulaanbaatar)",
        "country": "MN",
        "latitude": "47.88640",
        "longitude": "106.90574",
        "level": "national",
        "start_year": 2017,
        "end_year": 2017,
        "population": 3100000,
        "topics": ["legal-frameworks", "sortition"],
        "mechanisms": ["citizens-assembly", "consultation"],
        "groups": ["general-public"],
        "context": (
            "Mongolia's parliament adopted a law on deliberative polling in 2017, making it a "
            "required step before amending the constitution. Hundreds of randomly selected "
            "citizens from all provinces came to the capital to discuss options concerning "
            "parliament and government, and their considered views were presented to parliament, "
            "which amended the constitution in 2019."
        ),
        "steps": [
            "Random national sample surveyed at home",
            "Participants receive balanced briefing materials",
            "Small-group discussions and expert panels in the capital",
            "Final survey results presented to parliament",
        ],
        "figures": [
            ("669", "participants in the national deliberative poll (approx.)"),
            ("2019", "year the constitution was amended"),
        ],
        "lessons": (
            "Writing deliberation into the legal procedure for constitutional change gave it a "
            "formal role. Bringing participants from remote provinces to the capital required "
            "significant logistics and funding."
        ),
    },
    {
        "slug": "melbourne-peoples-panel",
        "title": "Melbourne People's Panel on the ten-year financial plan",
        "summary": (
            "In 2014 the City of Melbourne asked a panel of 43 randomly selected people to "
            "recommend how to fund and spend about 4 billion Australian dollars over ten years, "
            "and used their report as the basis of its long-term financial plan."
        ),
        "place": "Melbourne, Victoria",
        "country": "AU",
        "latitude": "-37.81363",
        "longitude": "144.96306",
        "level": "municipal",
        "start_year": 2014,
        "end_year": 2014,
        "population": 130000,
        "budget": ("4000000000", "AUD"),
        "topics": ["sortition", "transparency", "public-services"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "The council wanted community input on difficult choices about rates, borrowing and "
            "services. With the support of an independent foundation, the panel met over several "
            "weekends, heard from experts and council staff, and wrote its own recommendations, "
            "which the council largely adopted."
        ),
        "steps": [
            "Random selection of residents, business owners and students",
            "Information sessions on the city's finances",
            "Deliberation over several weekends",
            "Panel report and council response",
        ],
        "figures": [
            ("43", "panel members"),
            ("4000000000", "Australian dollars covered by the plan (approx.)"),
        ],
        "lessons": (
            "Giving a mini-public a genuine financial question and committing to respond "
            "encouraged serious work. Members accepted difficult trade-offs once they had full "
            "information about the city's finances."
        ),
    },
    {
        "slug": "act-citizens-jury-ctp-insurance",
        "title": "ACT Citizens' Jury on compulsory third-party insurance",
        "summary": (
            "In 2018 the Australian Capital Territory asked a jury of about 50 randomly selected "
            "Canberrans to design a fairer compulsory insurance scheme for people injured in road "
            "crashes, and based new legislation on their choice."
        ),
        "place": "Canberra, Australian Capital Territory",
        "country": "AU",
        "latitude": "-35.28093",
        "longitude": "149.13000",
        "level": "regional",
        "start_year": 2018,
        "end_year": 2018,
        "population": 420000,
        "topics": ["sortition", "health", "mobility"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public"],
        "context": (
            "Every vehicle owner in the territory must pay for third-party personal injury "
            "insurance, and the existing scheme was seen as costly and slow. The government "
            "committed to put forward the jury's preferred model, and the jury weighed costs, "
            "coverage and fairness before choosing a hybrid scheme combining defined benefits "
            "with access to courts for serious injuries."
        ),
        "steps": [
            "Random selection of jury members",
            "Hearings with insurers, lawyers and injured people",
            "Comparison of alternative insurance models",
            "Recommendation followed by legislation",
        ],
        "figures": [
            ("50", "jury members (approx.)"),
        ],
        "lessons": (
            "A citizens' jury can handle a technical topic that affects everyone when it is given "
            "clear options and balanced evidence. The government's prior commitment to act made "
            "the process credible, and the resulting law took effect in 2020."
        ),
        "translations": {
            "fr": {
                "title": "Jury citoyen de Canberra sur l'assurance automobile obligatoire",
                "slug": "jury-citoyen-canberra-assurance-automobile",
                "summary": (
                    "En 2018, le Territoire de la capitale australienne a demandé à un jury d'une "
                    "cinquantaine d'habitants de Canberra tirés au sort de concevoir un régime "
                    "d'assurance obligatoire plus juste pour les victimes d'accidents de la "
                    "route, et a fondé une nouvelle loi sur leur choix."
                ),
                "place": "Canberra, Territoire de la capitale australienne",
                "context": (
                    "Tout propriétaire de véhicule du territoire doit payer une assurance "
                    "couvrant les dommages corporels causés à des tiers, et le régime existant "
                    "était jugé coûteux et lent. Le gouvernement s'est engagé à présenter le "
                    "modèle préféré du jury, qui a pesé coûts, couverture et équité avant de "
                    "choisir un régime hybride associant des prestations définies et l'accès aux "
                    "tribunaux pour les blessures graves."
                ),
                "steps": [
                    "Tirage au sort des membres du jury",
                    "Auditions d'assureurs, d'avocats et de victimes",
                    "Comparaison de différents modèles d'assurance",
                    "Recommandation suivie d'une loi",
                ],
                "figure_labels": ["membres du jury (environ)"],
                "lessons": (
                    "Un jury citoyen peut traiter un sujet technique qui concerne tout le monde "
                    "lorsqu'il dispose d'options claires et d'informations équilibrées. "
                    "L'engagement préalable du gouvernement à agir a rendu le processus crédible, "
                    "et la loi qui en est issue est entrée en vigueur en 2020."
                ),
            },
            "es": {
                "title": (
                    "Jurado ciudadano del Territorio de la Capital Australiana sobre el seguro "
                    "obligatorio"
                ),
                "slug": "jurado-ciudadano-canberra-seguro-obligatorio",
                "summary": (
                    "En 2018, el Territorio de la Capital Australiana pidió a un jurado de unos "
                    "50 habitantes de Canberra elegidos por sorteo que diseñara un seguro "
                    "obligatorio más justo para las personas heridas en accidentes de tráfico, y "
                    "basó una nueva ley en su elección."
                ),
                "place": "Canberra, Territorio de la Capital Australiana",
                "context": (
                    "Todo propietario de un vehículo en el territorio debe pagar un seguro de "
                    "daños personales a terceros, y el sistema vigente se consideraba caro y "
                    "lento. El gobierno se comprometió a presentar el modelo preferido por el "
                    "jurado, que sopesó costos, cobertura y equidad antes de elegir un sistema "
                    "híbrido que combina prestaciones definidas con acceso a los tribunales para "
                    "lesiones graves."
                ),
                "steps": [
                    "Sorteo de los miembros del jurado",
                    "Audiencias con aseguradoras, abogados y personas lesionadas",
                    "Comparación de modelos de seguro alternativos",
                    "Recomendación seguida de una ley",
                ],
                "figure_labels": ["miembros del jurado (aprox.)"],
                "lessons": (
                    "Un jurado ciudadano puede abordar un tema técnico que afecta a todos si "
                    "dispone de opciones claras e información equilibrada. El compromiso previo "
                    "del gobierno de actuar dio credibilidad al proceso, y la ley resultante "
                    "entró en vigor en 2020."
                ),
            },
        },
    },
    {
        "slug": "auckland-water-citizens-assembly",
        "title": "Citizens' assembly on Auckland's next water source",
        "summary": (
            "In 2020 Auckland's water utility convened a citizens' assembly of about 40 randomly "
            "selected residents to recommend which source should meet the region's growing demand "
            "for water in the coming decades."
        ),
        "place": "Auckland",
        "country": "NZ",
        "latitude": "-36.84846",
        "longitude": "174.76332",
        "level": "metropolitan",
        "start_year": 2020,
        "end_year": 2020,
        "population": 1700000,
        "topics": ["environment", "sortition", "public-services"],
        "mechanisms": ["citizens-assembly"],
        "groups": ["general-public", "indigenous"],
        "context": (
            "After a severe drought put pressure on supplies, Watercare, the council-owned "
            "utility, sought public guidance on options such as rivers, aquifers, desalination "
            "and purified recycled water. Members heard evidence, including Māori perspectives on "
            "water, and deliberated before making recommendations to the utility."
        ),
        "steps": [
            "Random selection of residents",
            "Evidence sessions on water supply options",
            "Deliberation on criteria and trade-offs",
            "Recommendations to the water utility",
        ],
        "figures": [
            ("40", "assembly members (approx.)"),
        ],
        "lessons": (
            "A public utility can use a mini-public to test acceptance of sensitive options such "
            "as drinking recycled water. Including Indigenous perspectives on water enriched the "
            "discussion of values, not only of costs."
        ),
    },
    {
        "slug": "yaounde-6-participatory-budget",
        "title": "Participatory budget in Yaoundé 6, Cameroon",
        "summary": (
            "Since the early 2000s the sixth district of Yaoundé has opened part of its "
            "investment budget to residents, with a local civil society organisation helping "
            "neighbourhoods identify needs such as water points and street lighting."
        ),
        "place": "Yaoundé 6, Centre Region",
        "country": "CM",
        "latitude": "3.83650",
        "longitude": "11.48580",
        "level": "municipal",
        "start_year": 2003,
        "end_year": None,
        "population": None,
        "topics": ["participatory-budgeting", "public-services"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "low-income"],
        "context": (
            "Cameroon's decentralisation gave district councils new resources. In Yaoundé 6, the "
            "council worked with the association ASSOAL to organise neighbourhood forums, and the "
            "experience inspired a national network of municipalities practising participatory "
            "budgeting. Text messages have been used to invite residents and to collect their "
            "votes."
        ),
        "steps": [
            "Neighbourhood forums identify priority needs",
            "Delegates negotiate priorities with the council",
            "The council includes projects in its budget",
            "Residents monitor the works",
        ],
        "figures": [
            ("2003", "first participatory budget cycle (approx.)"),
        ],
        "lessons": (
            "A partnership between a municipality and a committed civil society organisation can "
            "launch participatory budgeting even with limited resources. Small budgets focused on "
            "basic services produce visible improvements that sustain interest."
        ),
    },
    {
        "slug": "dondo-participatory-planning",
        "title": "Participatory planning and budgeting in Dondo, Mozambique",
        "summary": (
            "From the late 1990s the municipality of Dondo, in central Mozambique, involved "
            "neighbourhood committees and community councils in planning and budgeting, "
            "prioritising basic services such as water, sanitation and roads."
        ),
        "place": "Dondo, Sofala",
        "country": "MZ",
        "latitude": "-19.60944",
        "longitude": "34.74306",
        "level": "municipal",
        "start_year": 1999,
        "end_year": None,
        "population": None,
        "topics": ["participatory-budgeting", "public-services", "urban-planning"],
        "mechanisms": ["participatory-planning", "neighbourhood-assembly"],
        "groups": ["low-income", "general-public"],
        "context": (
            "Dondo was among the first municipalities created by Mozambique's decentralisation in "
            "1998. Its leaders set up a consultative system linking neighbourhood units to a "
            "municipal forum, where community representatives discussed priorities and followed "
            "the execution of works. The experience was widely shared as an example for African "
            "local governments."
        ),
        "steps": [
            "Neighbourhood units gather residents' needs",
            "Community representatives debate priorities",
            "A municipal forum agrees on the investment plan",
            "Community follow-up of the works",
        ],
        "figures": [
            ("33", "municipalities created in Mozambique's first local elections in 1998"),
        ],
        "lessons": (
            "Even with very limited funds, structured community consultation improved the "
            "targeting of basic services and the relationship between residents and the council. "
            "Continuity depends on the commitment of leaders and on stable local finances."
        ),
        "translations": {
            "fr": {
                "title": "Planification et budget participatifs à Dondo, Mozambique",
                "slug": "planification-participative-dondo",
                "summary": (
                    "Dès la fin des années 1990, la municipalité de Dondo, dans le centre du "
                    "Mozambique, a associé des comités de quartier et des conseils communautaires "
                    "à la planification et au budget, en donnant la priorité aux services de base "
                    "comme l'eau, l'assainissement et les routes."
                ),
                "place": "Dondo, Sofala",
                "context": (
                    "Dondo a fait partie des premières municipalités créées par la "
                    "décentralisation mozambicaine en 1998. Ses dirigeants ont mis en place un "
                    "système consultatif reliant les unités de quartier à un forum municipal, où "
                    "des représentants des communautés discutaient des priorités et suivaient "
                    "l'exécution des travaux. L'expérience a été largement partagée comme exemple "
                    "pour les collectivités africaines."
                ),
                "steps": [
                    "Les unités de quartier recueillent les besoins des habitants",
                    "Les représentants des communautés débattent des priorités",
                    "Un forum municipal adopte le plan d'investissement",
                    "Suivi communautaire des travaux",
                ],
                "figure_labels": [
                    (
                        "municipalités créées lors des premières élections locales du Mozambique "
                        "en 1998"
                    ),
                ],
                "lessons": (
                    "Même avec des fonds très limités, une consultation communautaire structurée "
                    "a amélioré le ciblage des services de base et la relation entre les "
                    "habitants et le conseil. La continuité dépend de l'engagement des dirigeants "
                    "et de finances locales stables."
                ),
            },
            "es": {
                "title": "Planificación y presupuesto participativos en Dondo, Mozambique",
                "slug": "planificacion-participativa-dondo",
                "summary": (
                    "Desde finales de los años noventa, el municipio de Dondo, en el centro de "
                    "Mozambique, involucró a comités de barrio y consejos comunitarios en la "
                    "planificación y el presupuesto, dando prioridad a servicios básicos como "
                    "agua, saneamiento y caminos."
                ),
                "place": "Dondo, Sofala",
                "context": (
                    "Dondo fue uno de los primeros municipios creados por la descentralización de "
                    "Mozambique en 1998. Sus autoridades crearon un sistema consultivo que "
                    "conectaba las unidades barriales con un foro municipal, donde representantes "
                    "comunitarios debatían prioridades y seguían la ejecución de las obras. La "
                    "experiencia se difundió ampliamente como ejemplo para los gobiernos locales "
                    "africanos."
                ),
                "steps": [
                    "Las unidades barriales recogen las necesidades de la población",
                    "Representantes comunitarios debaten prioridades",
                    "Un foro municipal acuerda el plan de inversiones",
                    "Seguimiento comunitario de las obras",
                ],
                "figure_labels": [
                    "municipios creados en las primeras elecciones locales de Mozambique en 1998",
                ],
                "lessons": (
                    "Incluso con fondos muy limitados, una consulta comunitaria estructurada "
                    "mejoró la focalización de los servicios básicos y la relación entre la "
                    "población y el concejo. La continuidad depende del compromiso de las "
                    "autoridades y de unas finanzas locales estables."
                ),
            },
        },
    },
    {
        "slug": "fissel-participatory-budget",
        "title": "Participatory budget in the rural community of Fissel, Senegal",
        "summary": (
            "In 2003 the rural community of Fissel became one of the first in Senegal to adopt "
            "participatory budgeting, with village forums identifying needs and a civil society "
            "organisation supporting the process."
        ),
        "place": "Fissel, Thiès Region",
        "country": "SN",
        "latitude": "14.55000",
        "longitude": "-16.63333",
        "level": "municipal",
        "start_year": 2003,
        "end_year": None,
        "population": None,
        "topics": ["participatory-budgeting", "health", "education"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "low-income"],
        "context": (
            "Senegal's decentralisation laws gave rural councils responsibility for local "
            "development but few resources. With support from the organisation IED Afrique, "
            "Fissel held forums in each zone to prioritise investments such as health posts, "
            "schools and wells, and the method spread to other Senegalese localities."
        ),
        "steps": [
            "Information campaign in the villages",
            "Zone forums prioritise needs",
            "The rural council adopts the budget",
            "Public reporting on spending",
        ],
        "figures": [
            ("2003", "first participatory budget cycle"),
        ],
        "lessons": (
            "Participatory budgeting can work in rural areas when meetings are held close to "
            "villages and in local languages. Visible use of funds can also encourage residents "
            "to pay local taxes, a link often reported in West African experiences."
        ),
    },
    {
        "slug": "makueni-county-participatory-budgeting",
        "title": "Participatory budgeting in Makueni County, Kenya",
        "summary": (
            "Since 2013 Makueni County has involved residents in setting development priorities "
            "through village and ward forums, with elected project committees overseeing the "
            "works funded in the county budget."
        ),
        "place": "Makueni County",
        "country": "KE",
        "latitude": "-1.78333",
        "longitude": "37.63333",
        "level": "regional",
        "start_year": 2013,
        "end_year": None,
        "population": 990000,
        "topics": ["participatory-budgeting", "transparency", "legal-frameworks"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "low-income"],
        "context": (
            "Kenya's 2010 constitution created county governments and made public participation a "
            "principle of public finance. Makueni, a largely rural county, built a structured "
            "system from the village level upwards and later passed county legislation on "
            "participation. It has been recognised nationally for linking public forums with "
            "budget allocations and transparency."
        ),
        "steps": [
            "Village and ward forums identify priorities",
            "Delegates consolidate priorities at county level",
            "The county assembly approves the budget",
            "Project management committees oversee the works",
        ],
        "figures": [
            ("30", "wards in the county"),
        ],
        "lessons": (
            "A constitutional requirement for participation can become a meaningful practice when "
            "a county invests in structures at village level. Project committees made up of "
            "residents help ensure that works are completed and maintained."
        ),
    },
    {
        "slug": "la-marsa-participatory-budget",
        "title": "Participatory budget in La Marsa, Tunisia",
        "summary": (
            "In 2014 La Marsa, near Tunis, became one of the first Tunisian municipalities to "
            "adopt participatory budgeting, letting residents of each district choose public "
            "works after the 2011 revolution."
        ),
        "place": "La Marsa, Tunis Governorate",
        "country": "TN",
        "latitude": "36.87818",
        "longitude": "10.32475",
        "level": "municipal",
        "start_year": 2014,
        "end_year": None,
        "population": 93000,
        "topics": ["participatory-budgeting", "transparency", "urban-planning"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public"],
        "context": (
            "During the transition that followed the revolution, appointed municipal councils "
            "sought to rebuild trust with residents. With the support of civil society "
            "organisations, La Marsa organised district meetings and votes on local works such as "
            "lighting and roads. The approach spread to other cities, and participation was later "
            "written into the 2018 local authorities code."
        ),
        "steps": [
            "District meetings gather residents' proposals",
            "Technical study of the proposed works",
            "Residents vote on priority projects",
            "Works delivered and presented to residents",
        ],
        "figures": [
            ("2014", "year of the first edition"),
            ("2018", "year a new local authorities code required participatory approaches"),
        ],
        "lessons": (
            "Participatory budgeting helped municipalities regain legitimacy during a democratic "
            "transition. Its spread showed the value of national networks and legal recognition, "
            "although local capacity remained uneven."
        ),
        "translations": {
            "fr": {
                "title": "Budget participatif de La Marsa, Tunisie",
                "slug": "budget-participatif-la-marsa",
                "summary": (
                    "En 2014, La Marsa, près de Tunis, a été l'une des premières municipalités "
                    "tunisiennes à adopter le budget participatif, permettant aux habitants de "
                    "chaque quartier de choisir des travaux publics après la révolution de 2011."
                ),
                "place": "La Marsa, gouvernorat de Tunis",
                "context": (
                    "Pendant la transition qui a suivi la révolution, des conseils municipaux "
                    "nommés ont cherché à rétablir la confiance avec les habitants. Avec l'appui "
                    "d'organisations de la société civile, La Marsa a organisé des réunions et "
                    "des votes par quartier sur des travaux locaux comme l'éclairage et la "
                    "voirie. La démarche s'est étendue à d'autres villes, et la participation a "
                    "ensuite été inscrite dans le code des collectivités locales de 2018."
                ),
                "steps": [
                    "Des réunions de quartier recueillent les propositions des habitants",
                    "Étude technique des travaux proposés",
                    "Les habitants votent sur les projets prioritaires",
                    "Travaux réalisés et présentés aux habitants",
                ],
                "figure_labels": [
                    "année de la première édition",
                    (
                        "année où un nouveau code des collectivités locales a imposé les "
                        "démarches participatives"
                    ),
                ],
                "lessons": (
                    "Le budget participatif a aidé des municipalités à regagner en légitimité "
                    "pendant une transition démocratique. Sa diffusion a montré l'intérêt des "
                    "réseaux nationaux et de la reconnaissance juridique, même si les capacités "
                    "locales sont restées inégales."
                ),
            },
            "es": {
                "title": "Presupuesto participativo de La Marsa, Túnez",
                "slug": "presupuesto-participativo-la-marsa",
                "summary": (
                    "En 2014, La Marsa, cerca de Túnez capital, fue uno de los primeros "
                    "municipios tunecinos en adoptar el presupuesto participativo, permitiendo a "
                    "los vecinos de cada barrio elegir obras públicas tras la revolución de 2011."
                ),
                "place": "La Marsa, gobernación de Túnez",
                "context": (
                    "Durante la transición posterior a la revolución, consejos municipales "
                    "designados buscaron recuperar la confianza de la población. Con el apoyo de "
                    "organizaciones de la sociedad civil, La Marsa organizó reuniones y "
                    "votaciones por barrio sobre obras locales como alumbrado y calles. El "
                    "enfoque se extendió a otras ciudades, y la participación quedó después "
                    "recogida en el código de entidades locales de 2018."
                ),
                "steps": [
                    "Reuniones barriales recogen las propuestas de los vecinos",
                    "Estudio técnico de las obras propuestas",
                    "Los vecinos votan los proyectos prioritarios",
                    "Obras ejecutadas y presentadas a los vecinos",
                ],
                "figure_labels": [
                    "año de la primera edición",
                    (
                        "año en que un nuevo código de entidades locales exigió enfoques "
                        "participativos"
                    ),
                ],
                "lessons": (
                    "El presupuesto participativo ayudó a los municipios a recuperar legitimidad "
                    "durante una transición democrática. Su difusión mostró el valor de las redes "
                    "nacionales y del reconocimiento legal, aunque las capacidades locales "
                    "siguieron siendo desiguales."
                ),
            },
        },
    },
    {
        "slug": "morocco-equity-gender-commissions",
        "title": "Equity, equal opportunity and gender commissions in Moroccan municipalities",
        "summary": (
            "Morocco's 2011 constitution and the 2015 organic laws on local authorities require "
            "each municipality to set up an advisory commission on equity, equal opportunity and "
            "gender, made up of civil society representatives."
        ),
        "place": "Morocco",
        "country": "MA",
        "latitude": "34.02088",
        "longitude": "-6.84165",
        "level": "national",
        "start_year": 2015,
        "end_year": None,
        "population": 37000000,
        "topics": ["gender", "legal-frameworks", "social-inclusion"],
        "mechanisms": ["advisory-council"],
        "groups": ["women", "general-public"],
        "context": (
            "The new constitution recognised participatory democracy and the right to submit "
            "petitions to local councils. The organic laws turned this into obligations: councils "
            "must create consultative bodies, including commissions on gender and equal "
            "opportunity, and can receive citizens' petitions. Support programmes have trained "
            "members so they can advise on local action plans."
        ),
        "steps": [
            "The council creates the commission with civil society",
            "The commission reviews local needs and plans",
            "Opinions are sent to the municipal council",
            "Follow-up of gender-sensitive measures",
        ],
        "figures": [
            ("1500", "municipalities required to set up a commission (approx.)"),
        ],
        "lessons": (
            "Legal obligations can create participation bodies across a whole country, but their "
            "influence depends on councils taking their opinions seriously and on training for "
            "members. Involving women's associations brought gender issues into local planning."
        ),
    },
    {
        "slug": "south-africa-ward-committees-development-planning",
        "title": "Ward committees and integrated development planning in South Africa",
        "summary": (
            "Post-apartheid local government laws require South African municipalities to prepare "
            "integrated development plans with community participation, supported by ward "
            "committees that link residents with their elected councillors."
        ),
        "place": "South Africa",
        "country": "ZA",
        "latitude": "-25.74787",
        "longitude": "28.22927",
        "level": "national",
        "start_year": 2000,
        "end_year": None,
        "population": 60000000,
        "topics": ["legal-frameworks", "urban-planning", "public-services"],
        "mechanisms": ["participatory-planning", "advisory-council"],
        "groups": ["general-public", "low-income"],
        "context": (
            "After the first democratic local elections, laws adopted in 1998 and 2000 defined "
            "municipalities as including their communities. Each municipality must consult "
            "residents on its five-year integrated development plan and on its annual budget, "
            "while ward committees of up to ten members, chaired by the ward councillor, channel "
            "local concerns."
        ),
        "steps": [
            "Ward committees gather community needs",
            "Public meetings on the draft development plan",
            "The council adopts the plan and budget",
            "Annual review with community input",
        ],
        "figures": [
            ("10", "members per ward committee at most"),
            ("5", "years covered by each integrated development plan"),
        ],
        "lessons": (
            "A strong legal framework makes participation part of every municipal planning cycle. "
            "In practice, ward committees are often weak or politicised, and frequent service "
            "delivery protests show the gap between formal and meaningful participation."
        ),
    },
]

# The research tier's coded variables of the demo experiences, each only where the experience's
# own text above says it (the phrase that does is the comment); what the text leaves open
# stays unknown. Experiences not listed here are not coded yet.
CODING = {
    "porto-alegre-participatory-budgeting": {
        # "open assemblies", "residents rank investment priorities and elect delegates", "a
        # council of elected delegates negotiated the final investment plan with the municipal
        # government", "review the past year", "redirect public works towards poorer districts"
        "means": ["direct-vote", "representation"],
        "recruitment": ["open-to-all", "elected-delegates"],
        "decision_power": "co-decides",
        "commissioner": "local-government",
        "frequency": "periodic",
        "purposes": ["equality"],
        "funding_sources": ["own-budget"],
    },
    "belo-horizonte-participatory-budgeting": {
        # "delegates vote on the regional list", "online ballot", "to tackle the housing
        # shortage in informal settlements"
        "means": ["direct-vote", "e-participation"],
        "commissioner": "local-government",
        "purposes": ["equality"],
    },
    "brazil-national-public-policy-conferences": {
        # "the federal government extended them", "each cycle", "elect delegates", "votes on
        # final resolutions", impact "depends on whether ministries and parliament turn
        # resolutions into policy", "give marginalised groups a channel"
        "commissioner": "national-government",
        "frequency": "periodic",
        "recruitment": ["elected-delegates"],
        "means": ["direct-vote", "representation"],
        "decision_power": "consults",
        "purposes": ["inclusion"],
    },
    "paris-participatory-budget": {
        # "Parisians of all ages have proposed and voted on projects funded from about 5
        # percent of the city's investment budget", "public vote online and at ballot points",
        # "reserving funds for disadvantaged areas"
        "commissioner": "local-government",
        "means": ["direct-vote", "e-participation"],
        "recruitment": ["open-to-all"],
        "decision_power": "decides",
        "funding_sources": ["own-budget"],
        "purposes": ["equality"],
    },
    "france-citizens-convention-for-climate": {
        # "150 people ... drawn by lot", "random selection of 150 members reflecting the
        # population", "the President set up the convention", "only partly kept"
        "commissioner": "national-government",
        "recruitment": ["random-stratified"],
        "means": ["deliberation"],
        "participants": 150,
        "decision_power": "consults",
        "frequency": "one-off",
    },
    "decide-madrid": {
        # "lets residents propose and debate ideas ... and vote ... online", "a new city
        # government wanted to give residents direct influence"
        "commissioner": "local-government",
        "means": ["e-participation", "direct-vote"],
        "recruitment": ["open-to-all"],
    },
    "barcelona-decidim": {
        # "Barcelona created Decidim in 2016 to draw up its municipal action plan with
        # residents", "40000 participants in the 2016 municipal action plan"
        "commissioner": "local-government",
        "means": ["e-participation"],
        "participants": 40000,
    },
    "iceland-participatory-constitution": {
        # "led parliament to launch a constitutional review", "online comments", "advisory
        # referendum", "parliament never adopted it"
        "commissioner": "legislature",
        "means": ["e-participation", "direct-vote"],
        "decision_power": "consults",
        "frequency": "one-off",
    },
    "reykjavik-better-neighbourhoods": {
        # "every year", "voted electronically on which ones the city should build", "sharing
        # a yearly sum between its ten districts"
        "commissioner": "local-government",
        "means": ["e-participation", "direct-vote"],
        "recruitment": ["open-to-all"],
        "decision_power": "decides",
        "frequency": "periodic",
        "funding_sources": ["own-budget"],
    },
    "ireland-citizens-assembly-2016-2018": {
        # "parliament set up an assembly", "ninety-nine randomly selected Irish citizens ...
        # deliberated", "recommendations that were sent to parliamentary committees"
        "commissioner": "legislature",
        "means": ["deliberation"],
        "participants": 99,
        "decision_power": "consults",
    },
    "ireland-citizens-assembly-gender-equality": {
        # "parliament asked the assembly", "gender balance and diversity were built into the
        # selection", "99 randomly selected members", "recommended changes"
        "commissioner": "legislature",
        "recruitment": ["random-stratified"],
        "participants": 99,
        "decision_power": "consults",
        "frequency": "one-off",
    },
    "climate-assembly-uk": {
        # "six select committees of the House of Commons commissioned the assembly", "selected
        # by lot to reflect the population", "108 members", "weekends of deliberation",
        # "committees used their report"
        "commissioner": "legislature",
        "recruitment": ["random-stratified"],
        "participants": 108,
        "means": ["deliberation"],
        "decision_power": "consults",
        "frequency": "one-off",
    },
    "scotland-climate-assembly": {
        # "required ministers to convene", "about 100 randomly selected residents", "all
        # meetings took place online", "the government had to publish a response"
        "commissioner": "regional-government",
        "participants": 100,
        "means": ["deliberation", "e-participation"],
        "decision_power": "co-decides",
        "frequency": "one-off",
    },
    "scottish-youth-parliament": {
        # "members elected in constituencies", "puts young people's views to ministers",
        # "since 1999 ... body"
        "recruitment": ["elected-delegates"],
        "means": ["representation"],
        "decision_power": "consults",
        "frequency": "permanent",
    },
    "east-belgium-permanent-citizens-dialogue": {
        # "a permanent model", "assemblies ... deliberate", "parliament and ministers must
        # respond and explain any rejection"
        "means": ["deliberation"],
        "decision_power": "co-decides",
        "frequency": "permanent",
    },
    "brussels-deliberative-committees": {
        # "the Brussels regional parliament can set up deliberative committees", "invited by
        # lot, and each committee is composed to reflect the diversity of the population"
        "commissioner": "legislature",
        "recruitment": ["random-stratified"],
        "means": ["deliberation"],
    },
    "germany-citizens-assembly-on-climate": {
        # "an initiative of civil society organisations", "160 people ... met online"
        "commissioner": "civil-society",
        "participants": 160,
        "means": ["e-participation"],
        "frequency": "one-off",
    },
    "denmark-citizens-assembly-on-climate": {
        # "the government convened a citizens' assembly to give input", "99 randomly selected
        # people discussed the dilemmas"
        "commissioner": "national-government",
        "participants": 99,
        "means": ["deliberation"],
        "decision_power": "consults",
        "frequency": "one-off",
    },
    "gdansk-citizens-assemblies": {
        # "random selection stratified by district, age, gender and education", "members
        # vote", "percent support needed for a recommendation to be binding", "60 members per
        # assembly (approx.)"
        "recruitment": ["random-stratified"],
        "means": ["deliberation", "direct-vote"],
        "decision_power": "decides",
        "participants": 60,
    },
    "helsinki-omastadi": {
        # "residents aged 12 and over develop and vote on projects funded", "the vote ... has
        # taken place every two years", "online platform"
        "commissioner": "local-government",
        "means": ["direct-vote", "e-participation"],
        "recruitment": ["open-to-all"],
        "decision_power": "decides",
        "frequency": "periodic",
    },
    "estonia-peoples-assembly-rahvakogu": {
        # "a coalition of civil society organisations ... ran the process", "submitted ...
        # online", "discussed at a one-day event", "parliament considered the results"
        "commissioner": "civil-society",
        "means": ["e-participation", "deliberation"],
        "decision_power": "consults",
        "frequency": "one-off",
    },
    "lisbon-participatory-budget": {
        # "the city council sets aside a fixed sum from the municipal budget each year", "a
        # public vote decides which ones enter the budget", "at public meetings and online"
        "commissioner": "local-government",
        "funding_sources": ["own-budget"],
        "frequency": "periodic",
        "decision_power": "decides",
        "means": ["direct-vote", "e-participation"],
        "recruitment": ["open-to-all"],
    },
    "portugal-national-participatory-budget": {
        # "the national government set aside a modest sum", "several annual editions",
        # "voting took place online and by text message"
        "commissioner": "national-government",
        "funding_sources": ["own-budget"],
        "frequency": "periodic",
        "means": ["direct-vote", "e-participation"],
    },
}
