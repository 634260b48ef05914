"""Hand-written material for the off-topic benchmark (written for citecheck).

* ``DISTANT``: reference titles and venues from fields far from the life sciences
  (law, finance, education, engineering, humanities ...), each with a field tag so
  a host article of that field is never given one of its own.
* ``METHODS``: methods references cited across every field; injected as *legitimate*
  references to measure that they are not flagged.
* ``SENTENCES``: generic citing sentences used when a reference is injected.
* ``HOST_FIELDS``: the few PLOS starter-corpus articles outside the life sciences,
  with the pool fields they must not receive as "distant" (and a coarse subject tag
  for every other host, used to draw near-field donors from a different subject).
"""

from __future__ import annotations

DISTANT: list[tuple[str, str, str]] = [
    # (field, title, container)
    (
        "law",
        "Personal bankruptcy law and the fresh start: a comparison of Slovenia and Croatia",
        "International Insolvency Review",
    ),
    (
        "law",
        "Judicial review of administrative discretion in land expropriation cases",
        "Journal of Comparative Law",
    ),
    (
        "law",
        "Copyright exceptions for text and data mining in the European Union",
        "Computer Law & Security Review",
    ),
    (
        "law",
        "Criminal liability of corporations for environmental offences",
        "Journal of Environmental Law",
    ),
    (
        "law",
        "Perlindungan hukum bagi konsumen dalam transaksi jual beli online",
        "Jurnal Hukum dan Pembangunan",
    ),
    (
        "finance",
        "Capital structure and firm value: evidence from listed manufacturing companies",
        "Journal of Corporate Finance",
    ),
    (
        "finance",
        "Dividend policy and stock price volatility in emerging markets",
        "Emerging Markets Review",
    ),
    (
        "finance",
        "The determinants of bank profitability in Southeast Asia",
        "Journal of Banking & Finance",
    ),
    (
        "finance",
        "Pengaruh literasi keuangan terhadap keputusan investasi mahasiswa",
        "Jurnal Manajemen Keuangan",
    ),
    (
        "accounting",
        "Audit committee characteristics and the quality of financial reporting",
        "Accounting Horizons",
    ),
    (
        "accounting",
        "Tax avoidance and corporate governance in family firms",
        "Journal of Accounting and Economics",
    ),
    (
        "accounting",
        "Pengaruh pemahaman perpajakan terhadap kepatuhan wajib pajak UMKM",
        "Jurnal Akuntansi",
    ),
    (
        "marketing",
        "Brand loyalty and customer satisfaction in online retail",
        "Journal of Retailing",
    ),
    (
        "marketing",
        "Influencer marketing and purchase intention among young consumers",
        "Journal of Business Research",
    ),
    (
        "management",
        "Transformational leadership and employee job satisfaction in small firms",
        "Leadership Quarterly",
    ),
    (
        "management",
        "Lean manufacturing practices and operational performance",
        "International Journal of Production Economics",
    ),
    (
        "public-admin",
        "Collaborative governance in theory and practice",
        "Journal of Public Administration Research and Theory",
    ),
    (
        "public-admin",
        "E-government adoption by local governments: barriers and drivers",
        "Government Information Quarterly",
    ),
    (
        "public-admin",
        "Smart city innovation and collaborative governance in Makassar",
        "Jurnal Ilmu Administrasi Negara",
    ),
    (
        "public-admin",
        "Kualitas pelayanan publik pada kantor kecamatan",
        "Jurnal Administrasi Publik",
    ),
    (
        "education",
        "Teacher and parent collaboration during online learning in primary schools",
        "Computers & Education",
    ),
    (
        "education",
        "The flipped classroom and student engagement in higher education",
        "Studies in Higher Education",
    ),
    (
        "education",
        "Penerapan model pembelajaran problem based learning untuk meningkatkan hasil belajar siswa",
        "Jurnal Pendidikan",
    ),
    (
        "education",
        "Assessment for learning in secondary mathematics classrooms",
        "Educational Assessment",
    ),
    ("linguistics", "Code-switching in bilingual classroom discourse", "Journal of Pragmatics"),
    (
        "linguistics",
        "The acquisition of English articles by Indonesian learners",
        "Second Language Research",
    ),
    (
        "literature",
        "Postcolonial identity in the novels of Pramoedya Ananta Toer",
        "Journal of Southeast Asian Studies",
    ),
    ("literature", "Narrative voice and unreliable narration in the modernist novel", "Narrative"),
    (
        "history",
        "Maritime trade networks of the Dutch East India Company in the seventeenth century",
        "Journal of Global History",
    ),
    ("history", "Labour migration and colonial plantations in Sumatra", "Modern Asian Studies"),
    ("tourism", "Community-based tourism and local economic development", "Tourism Management"),
    (
        "tourism",
        "Destination image and revisit intention of domestic tourists",
        "Journal of Travel Research",
    ),
    (
        "architecture",
        "Thermal comfort in vernacular houses of tropical regions",
        "Building and Environment",
    ),
    (
        "architecture",
        "Public space design and pedestrian behaviour in historic city centres",
        "Urban Design International",
    ),
    (
        "civil-eng",
        "Seismic performance of reinforced concrete frames with masonry infill",
        "Engineering Structures",
    ),
    (
        "civil-eng",
        "Compressive strength of concrete with fly ash replacement",
        "Construction and Building Materials",
    ),
    (
        "civil-eng",
        "Traffic signal timing optimisation at urban intersections",
        "Transportation Research Part C",
    ),
    (
        "electrical-eng",
        "Control strategies for grid-connected photovoltaic inverters",
        "IEEE Transactions on Power Electronics",
    ),
    (
        "electrical-eng",
        "Load frequency control of interconnected power systems",
        "Electric Power Systems Research",
    ),
    (
        "software-eng",
        "Technical debt in agile software development projects",
        "Journal of Systems and Software",
    ),
    (
        "software-eng",
        "Requirements elicitation techniques for mobile banking applications",
        "Requirements Engineering",
    ),
    (
        "agronomy",
        "Effect of liquid organic fertiliser on growth and yield of chili pepper",
        "Jurnal Agroteknologi",
    ),
    ("agronomy", "Nitrogen fertilisation and grain yield of lowland rice", "Field Crops Research"),
    (
        "religion",
        "Islamic boarding schools and the transmission of religious authority in Java",
        "Studia Islamika",
    ),
    (
        "religion",
        "Zakat management and poverty alleviation in Muslim communities",
        "Journal of Islamic Accounting and Business Research",
    ),
    ("music", "Harmonic language in the late piano sonatas of Beethoven", "Music Analysis"),
    ("music", "Gamelan pedagogy in contemporary Balinese music schools", "Ethnomusicology Forum"),
    (
        "sports",
        "Sponsorship and spectator attendance in professional football leagues",
        "Sport Management Review",
    ),
    (
        "political",
        "Electoral clientelism and vote buying in Indonesian local elections",
        "Journal of East Asian Studies",
    ),
    ("political", "Populism and party systems in Latin America", "Comparative Political Studies"),
    (
        "economics",
        "Minimum wage policy and informal employment",
        "Journal of Development Economics",
    ),
    (
        "economics",
        "Exchange rate pass-through to consumer prices",
        "Journal of International Economics",
    ),
    (
        "economics",
        "Foreign direct investment and economic growth in ASEAN countries",
        "Journal of Asian Economics",
    ),
    (
        "logistics",
        "Digital transformation of dairy supply chains",
        "International Journal of Logistics Management",
    ),
    (
        "hospitality",
        "Service quality and guest satisfaction in budget hotels",
        "International Journal of Hospitality Management",
    ),
    ("communication", "Framing of corruption news in national newspapers", "Journalism Studies"),
    (
        "geodesy",
        "Land subsidence monitoring with InSAR in coastal cities",
        "Remote Sensing of Environment",
    ),
    (
        "chemical-eng",
        "Zeolite catalysts for the cracking of heavy oil fractions",
        "Applied Catalysis A",
    ),
    ("philosophy", "Kant's theory of moral autonomy revisited", "Kant-Studien"),
    (
        "art",
        "Batik motifs as cultural heritage and creative industry",
        "Journal of Visual Art and Design",
    ),
]

METHODS: list[tuple[str, str, str]] = [
    # (kind, title, container)
    (
        "software",
        "R: A language and environment for statistical computing",
        "R Foundation for Statistical Computing",
    ),
    ("software", "NIH Image to ImageJ: 25 years of image analysis", "Nature Methods"),
    ("software", "IBM SPSS Statistics for Windows, Version 25.0", "IBM Corp"),
    (
        "software",
        "Fitting linear mixed-effects models using lme4",
        "Journal of Statistical Software",
    ),
    (
        "software",
        "MEGA X: Molecular Evolutionary Genetics Analysis across computing platforms",
        "Molecular Biology and Evolution",
    ),
    (
        "statistics",
        "Beta regression for modelling rates and proportions",
        "Journal of Applied Statistics",
    ),
    (
        "statistics",
        "Controlling the false discovery rate: a practical and powerful approach to multiple testing",
        "Journal of the Royal Statistical Society Series B",
    ),
    ("statistics", "The measurement of observer agreement for categorical data", "Biometrics"),
    (
        "statistics",
        "Regression models and life-tables",
        "Journal of the Royal Statistical Society Series B",
    ),
    ("statistics", "Measuring inconsistency in meta-analyses", "BMJ"),
    ("book", "Metode Penelitian Kuantitatif, Kualitatif dan R&D", "Alfabeta"),
    (
        "book",
        "Research design: qualitative, quantitative, and mixed methods approaches",
        "SAGE Publications",
    ),
    (
        "book",
        "Aplikasi Analisis Multivariate dengan Program IBM SPSS",
        "Badan Penerbit Universitas Diponegoro",
    ),
    ("book", "Using thematic analysis in psychology", "Qualitative Research in Psychology"),
    (
        "guideline",
        "Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement",
        "PLoS Medicine",
    ),
    (
        "guideline",
        "CONSORT 2010 statement: updated guidelines for reporting parallel group randomised trials",
        "BMJ",
    ),
    (
        "guideline",
        "The Strengthening the Reporting of Observational Studies in Epidemiology (STROBE) statement",
        "Lancet",
    ),
    ("data", "World Development Indicators database", "World Bank"),
]

SENTENCES_GENERIC: list[str] = [
    "This is consistent with previous reports [{n}].",
    "Similar approaches have been described elsewhere [{n}].",
    "Comparable findings were reported in an earlier study [{n}].",
    "This question has received considerable attention [{n}].",
]
SENTENCES_TOPICAL: list[str] = [
    "Previous work examined {title} [{n}].",
    "A related line of research has addressed {title} [{n}].",
]
SENTENCES_ID: list[str] = [
    "Hal ini sejalan dengan penelitian sebelumnya [{n}].",
    "Temuan serupa juga dilaporkan dalam studi terdahulu [{n}].",
]

# Hosts outside the life sciences: pool fields that would not be distant for them.
HOST_EXCLUDE: dict[str, set[str]] = {
    "pone.0002554": {"music", "art", "architecture"},
    "pone.0116201": {"finance", "economics", "accounting"},
    "pone.0121226": {"software-eng", "electrical-eng"},
    "pone.0117688": {"software-eng"},
    "pone.0126470": {"literature", "linguistics", "communication"},
    "pcbi.1000204": {"software-eng", "communication"},
    "pmed.0030132": {"marketing", "management", "communication"},
    "pmed.1000431": {"marketing", "management", "law"},
    "pmed.1001186": {"public-admin", "political", "management"},
    "pmed.0030445": {"political", "public-admin", "economics"},
    "pntd.0000149": {"economics", "political"},
    "pntd.0002570": {"economics", "political", "public-admin"},
    "pone.0081648": {"economics", "electrical-eng", "political", "geodesy"},
    "pone.0036880": {"religion", "philosophy"},
    "pone.0080518": {"agronomy"},
    "pone.0160653": {"law"},
    "pbio.1001289": {"law", "political", "philosophy"},
    "pbio.0020188": {"communication", "political", "philosophy"},
    "pone.0153152": {"law", "marketing"},
}

# Coarse subject of every starter-corpus host (from its title), so that a near-field
# donor reference comes from an article on a different subject.
_TAGS = """
pbio.0020188 other; pbio.0020334 cell; pbio.0030408 neuro; pbio.0040088 ecoevo;
pbio.1000359 cell; pbio.1001044 med; pbio.1001199 cell; pbio.1001289 neuro;
pbio.1001315 path; pbio.1001473 gen; pbio.1001636 ecoevo; pcbi.0030158 ecoevo;
pcbi.1000112 comp; pcbi.1000204 other; pcbi.1000589 comp; pcbi.1001051 comp;
pcbi.1001083 comp; pcbi.1002484 comp; pcbi.1003292 gen; pcbi.1004079 comp;
pcbi.1004082 neuro; pcbi.1004089 neuro; pcbi.1004113 path; pcbi.1004141 comp;
pcbi.1004152 med; pcbi.1004156 cell; pcbi.1004453 cell; pcbi.1004692 neuro;
pgen.1000052 gen; pgen.1002912 gen; pgen.1003316 gen; pmed.0020007 neuro;
pmed.0020124 med; pmed.0020171 med; pmed.0020402 med; pmed.0030132 med;
pmed.0030205 med; pmed.0030445 med; pmed.0030520 gen; pmed.0040303 med;
pmed.1000097 med; pmed.1000431 med; pmed.1001080 med; pmed.1001186 med;
pmed.1001300 path; pmed.1001418 path; pmed.1001473 med; pmed.1001518 med;
pmed.1001786 med; pntd.0000149 path; pntd.0001041 path; pntd.0001969 path;
pntd.0002570 path; pone.0002554 other; pone.0005723 ecoevo; pone.0008519 path;
pone.0008915 comp; pone.0010685 path; pone.0012262 comp; pone.0016329 gen;
pone.0016976 med; pone.0026358 med; pone.0028031 gen; pone.0036880 neuro;
pone.0040259 neuro; pone.0042593 neuro; pone.0046041 path; pone.0047391 path;
pone.0050698 neuro; pone.0052690 cell; pone.0055490 gen; pone.0058242 med;
pone.0066742 med; pone.0067179 path; pone.0067227 gen; pone.0067380 ecoevo;
pone.0068090 neuro; pone.0069640 med; pone.0070598 ecoevo; pone.0074790 path;
pone.0078761 ecoevo; pone.0078921 med; pone.0080518 ecoevo; pone.0081648 other;
pone.0087236 ecoevo; pone.0100977 cell; pone.0111971 comp; pone.0114370 comp;
pone.0115067 comp; pone.0116201 other; pone.0116586 ecoevo; pone.0116752 other;
pone.0117014 gen; pone.0117688 other; pone.0117949 other; pone.0118238 cell;
pone.0118342 comp; pone.0119074 med; pone.0119705 comp; pone.0120049 med;
pone.0120924 ecoevo; pone.0121226 other; pone.0126470 other; pone.0138823 cell;
pone.0146913 neuro; pone.0147124 gen; pone.0152025 cell; pone.0152459 med;
pone.0153152 med; pone.0153170 med; pone.0160653 other; ppat.0020025 path;
ppat.0040045 path; ppat.1000105 path; ppat.1000166 path; ppat.1002247 path;
ppat.1002735 path; ppat.1002769 path; ppat.1003133 path
"""
SUBJECT: dict[str, str] = {
    k: v for k, v in (item.split() for item in _TAGS.replace("\n", " ").split(";") if item.strip())
}

# Hosts with no life-science content: a biomedical reference is distant for them.
NON_BIO_HOSTS = {
    "pone.0002554",
    "pone.0116201",
    "pone.0121226",
    "pone.0117688",
    "pone.0126470",
    "pone.0116752",
    "pone.0117949",
    "pone.0081648",
}

# A citing sentence for each distant title that says what the work is about in other
# words (no content word of the title): a sneaked citation dressed as a real one, which
# the restatement filter of the citing gate cannot recognise (the "paraphrase" mode).
PARAPHRASES: dict[str, str] = {
    "Personal bankruptcy law and the fresh start: a comparison of Slovenia and Croatia": (
        "Debt relief for insolvent households differs between two Balkan states [{n}]."
    ),
    "Judicial review of administrative discretion in land expropriation cases": (
        "Courts have scrutinised how officials decide to seize private property [{n}]."
    ),
    "Copyright exceptions for text and data mining in the European Union": (
        "Rules on automated analysis of protected works vary across Brussels legislation [{n}]."
    ),
    "Criminal liability of corporations for environmental offences": (
        "Firms that pollute may be prosecuted as legal persons [{n}]."
    ),
    "Perlindungan hukum bagi konsumen dalam transaksi jual beli online": (
        "Buyers on internet marketplaces enjoy statutory safeguards [{n}]."
    ),
    "Capital structure and firm value: evidence from listed manufacturing companies": (
        "How factories finance themselves with debt or equity shapes what investors pay "
        "for their shares [{n}]."
    ),
    "Dividend policy and stock price volatility in emerging markets": (
        "Payouts to shareholders change how much share quotes fluctuate in developing "
        "economies [{n}]."
    ),
    "The determinants of bank profitability in Southeast Asia": (
        "Lenders in Thailand, Malaysia and Vietnam earn returns that depend on several "
        "factors [{n}]."
    ),
    "Pengaruh literasi keuangan terhadap keputusan investasi mahasiswa": (
        "Undergraduates who understand money matters choose assets differently [{n}]."
    ),
    "Audit committee characteristics and the quality of financial reporting": (
        "Board oversight groups shape how accurately firms disclose their accounts [{n}]."
    ),
    "Tax avoidance and corporate governance in family firms": (
        "Household-owned businesses use legal loopholes to reduce what they owe the state [{n}]."
    ),
    "Pengaruh pemahaman perpajakan terhadap kepatuhan wajib pajak UMKM": (
        "Small traders who know fiscal rules pay what they owe more reliably [{n}]."
    ),
    "Brand loyalty and customer satisfaction in online retail": (
        "Shoppers who are pleased with web stores keep returning to them [{n}]."
    ),
    "Influencer marketing and purchase intention among young consumers": (
        "Endorsements by social media personalities make teenagers want to buy [{n}]."
    ),
    "Transformational leadership and employee job satisfaction in small firms": (
        "Inspiring managers make staff of modest enterprises happier at work [{n}]."
    ),
    "Lean manufacturing practices and operational performance": (
        "Toyota-style waste reduction on the factory floor improves output [{n}]."
    ),
    "Collaborative governance in theory and practice": (
        "Public agencies and private stakeholders increasingly make decisions jointly [{n}]."
    ),
    "E-government adoption by local governments: barriers and drivers": (
        "Municipal administrations move services onto the internet for various reasons [{n}]."
    ),
    "Smart city innovation and collaborative governance in Makassar": (
        "An Indonesian municipality digitised its services jointly with citizens and "
        "businesses [{n}]."
    ),
    "Kualitas pelayanan publik pada kantor kecamatan": (
        "District offices serve residents with varying efficiency [{n}]."
    ),
    "Teacher and parent collaboration during online learning in primary schools": (
        "Educators and families worked together when pupils studied remotely [{n}]."
    ),
    "The flipped classroom and student engagement in higher education": (
        "Lectures watched at home and exercises done in lessons keep undergraduates involved [{n}]."
    ),
    "Penerapan model pembelajaran problem based learning untuk meningkatkan hasil belajar siswa": (
        "Teaching through puzzles improves pupils' grades [{n}]."
    ),
    "Assessment for learning in secondary mathematics classrooms": (
        "Formative feedback helps teenagers studying algebra [{n}]."
    ),
    "Code-switching in bilingual classroom discourse": (
        "Pupils alternate between two tongues when they talk in lessons [{n}]."
    ),
    "The acquisition of English articles by Indonesian learners": (
        "Students from Java struggle to use 'a' and 'the' correctly [{n}]."
    ),
    "Postcolonial identity in the novels of Pramoedya Ananta Toer": (
        "Fiction written on Buru island explores who Indonesians became after Dutch rule [{n}]."
    ),
    "Narrative voice and unreliable narration in the modernist novel": (
        "Storytellers who mislead readers are typical of early twentieth-century fiction [{n}]."
    ),
    "Maritime trade networks of the Dutch East India Company in the seventeenth century": (
        "The VOC shipped spices across oceans during the 1600s [{n}]."
    ),
    "Labour migration and colonial plantations in Sumatra": (
        "Workers moved to tobacco estates around Medan under Dutch rule [{n}]."
    ),
    "Community-based tourism and local economic development": (
        "Villagers who host visitors raise their incomes [{n}]."
    ),
    "Destination image and revisit intention of domestic tourists": (
        "Travellers who like a place plan to go back [{n}]."
    ),
    "Thermal comfort in vernacular houses of tropical regions": (
        "Traditional dwellings near the equator stay cool without air conditioning [{n}]."
    ),
    "Public space design and pedestrian behaviour in historic city centres": (
        "How squares are laid out changes where people walk in old towns [{n}]."
    ),
    "Seismic performance of reinforced concrete frames with masonry infill": (
        "Buildings with brick walls between steel-bar columns respond to earthquakes "
        "differently [{n}]."
    ),
    "Compressive strength of concrete with fly ash replacement": (
        "Coal combustion residue in cement mixes changes how much load they bear [{n}]."
    ),
    "Traffic signal timing optimisation at urban intersections": (
        "Adjusting how long lights stay green reduces queues at crossroads [{n}]."
    ),
    "Control strategies for grid-connected photovoltaic inverters": (
        "Solar panels feed electricity to the network through regulated converters [{n}]."
    ),
    "Load frequency control of interconnected power systems": (
        "Linked electricity networks must keep their alternating current steady [{n}]."
    ),
    "Technical debt in agile software development projects": (
        "Shortcuts taken by scrum teams make programs costly to maintain [{n}]."
    ),
    "Requirements elicitation techniques for mobile banking applications": (
        "Interviews and workshops reveal what smartphone finance apps must do [{n}]."
    ),
    "Effect of liquid organic fertiliser on growth and yield of chili pepper": (
        "Manure solutions make capsicum plants taller and more productive [{n}]."
    ),
    "Nitrogen fertilisation and grain yield of lowland rice": (
        "Urea applied to paddy fields raises harvests [{n}]."
    ),
    "Islamic boarding schools and the transmission of religious authority in Java": (
        "Pesantren pass on the standing of clerics between generations [{n}]."
    ),
    "Zakat management and poverty alleviation in Muslim communities": (
        "Almsgiving funds administered by mosques reduce hardship [{n}]."
    ),
    "Harmonic language in the late piano sonatas of Beethoven": (
        "The final keyboard works of a Viennese composer use daring chords [{n}]."
    ),
    "Gamelan pedagogy in contemporary Balinese music schools": (
        "Bronze percussion ensembles are taught in today's conservatories in Denpasar [{n}]."
    ),
    "Sponsorship and spectator attendance in professional football leagues": (
        "Corporate backing of soccer clubs brings more fans to stadiums [{n}]."
    ),
    "Electoral clientelism and vote buying in Indonesian local elections": (
        "Candidates hand out cash to win ballots in regional polls [{n}]."
    ),
    "Populism and party systems in Latin America": (
        "Anti-elite movements reshape politics from Mexico to Argentina [{n}]."
    ),
    "Minimum wage policy and informal employment": (
        "Raising the lowest legal pay pushes workers into unregistered jobs [{n}]."
    ),
    "Exchange rate pass-through to consumer prices": (
        "Currency depreciation makes imported goods dearer for households [{n}]."
    ),
    "Foreign direct investment and economic growth in ASEAN countries": (
        "Multinational capital flowing into Thailand or Vietnam raises output [{n}]."
    ),
    "Digital transformation of dairy supply chains": (
        "Milk producers and distributors now track deliveries with software [{n}]."
    ),
    "Service quality and guest satisfaction in budget hotels": (
        "Cheap lodgings please travellers when staff are attentive [{n}]."
    ),
    "Framing of corruption news in national newspapers": (
        "The press portrays bribery scandals in particular ways [{n}]."
    ),
    "Land subsidence monitoring with InSAR in coastal cities": (
        "Satellite radar shows seaside towns sinking [{n}]."
    ),
    "Zeolite catalysts for the cracking of heavy oil fractions": (
        "Porous aluminosilicates break down thick petroleum residues [{n}]."
    ),
    "Kant's theory of moral autonomy revisited": (
        "A Königsberg philosopher argued that ethics rests on self-legislation [{n}]."
    ),
    "Batik motifs as cultural heritage and creative industry": (
        "Wax-resist textile patterns are both tradition and business [{n}]."
    ),
}
