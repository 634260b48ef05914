"""Word lists that decide what may stand in an author string.

They are deliberately small and written by hand: each list answers one question
the parser asks ("can this capitalised word start a sentence without being a
name?", "does this word make a name corporate?"). English and Indonesian come
first because most manuscripts we read are in those languages.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Conjunctions joining the last two authors, in the languages we meet.
CONJUNCTIONS = _words("and & dan serta und et y e i och en og ve và")

#: "et al." forms, as tuples of lower-cased tokens with their periods removed.
ET_AL_FORMS: frozenset[tuple[str, ...]] = frozenset(
    {
        ("et", "al"),
        ("et", "alii"),
        ("el", "al"),  # a common typo of "et al." ("Yano el al. (2003)"); never a name
        ("dkk",),
        ("dkk", "al"),
        ("ua",),
        ("u", "a"),
        ("et", "coll"),
        ("and", "colleagues"),
        ("and", "others"),
        ("and", "coworkers"),
        ("and", "co-workers"),
        ("dan", "kawan-kawan"),
        ("dan", "rekan"),
        ("dan", "rekan-rekan"),
        ("y", "cols"),
        ("y", "col"),
        ("e", "col"),
        ("e", "cols"),
        ("i", "in"),
        ("mfl",),
        ("ve", "ark"),
        ("ea",),
        ("ym",),
        ("ja", "muut"),
    }
)

#: Nobiliary and patronymic particles, the one list: styles write them in lower case,
#: drop or keep them ("van der Berg" is cited "Van der Berg" in APA but sorted under
#: "Berg" in Dutch lists). Name prefixes written as one word with the name ("Mac",
#: "St.") are not particles: "Mac Donald" is not "Donald".
PARTICLES = _words(
    "van von vom der den de del della delle dei degli di da dos das do du des la le lo "
    "ten ter te zu zum zur bin binti binte bint bte ibn ben al el af av vande vander vanden"
)

#: Lower-case words allowed inside a corporate name ("Ministry of Health").
CORPORATE_CONNECTORS = _words("of for the on in and & dan untuk dan/atau für des du de la para")

#: A word from this list makes a capitalised run a corporate author.
CORPORATE_KEYWORDS = _words(
    "Organization Organisation Association Associations Institute Institution Institut "
    "Agency Bank Bureau Council Commission Committee Department Ministry Office Foundation "
    "Society Centre Center Centers Board Authority Services Service Group Forum Programme "
    "Program Union Nations University Universitas Corporation Administration Federation "
    "Network Alliance Consortium Collaboration Initiative Fund Secretariat Statistics "
    "Academy Academies College Party Government Trust Registry Court Team Project Consortium "
    "Badan Kementerian Departemen Dinas Lembaga Direktorat Pusat Statistik Komisi Dewan "
    "Majelis Pemerintah Kantor Otoritas Sekretariat Kemenkes Kemendikbud Kemendikbudristek "
    "Bappenas Bappeda Balai Biro Perum Yayasan Ikatan Persatuan Asosiasi Perhimpunan "
    "Ombudsman Mahkamah Kepolisian Kejaksaan Inspektorat "
    "Bundesamt Bundesministerium Ministerium Statistisches Organización Ministerio "
    "Instituto Ministère Organisation Commissione Istituto Library Libraries Archives Museum "
    "Programa Naciones"
)

#: Group nouns written in lower case that end a corporate name: "(Posit team, 2025)",
#: "(jamovi project, 2017)".
LOWER_GROUP_WORDS = _words("team project")

#: Capitalised words that start sentences or clauses without being names. When an
#: author string begins with one of them it is cut off ("Menurut Sugiyono" -> "Sugiyono").
LEADING_WORDS = _words(
    "The A In On At By For From To Of And Or But As Since Until After Before During "
    "Between Following According Unlike Like Although Though While Whereas When Where "
    "Which Whose This That These Those Our Their Its His Her We They It She However "
    "Moreover Furthermore Additionally Also Thus Hence Therefore Then Here There Recently "
    "Previously Similarly Likewise Finally First Second Third Both Each Every All Some Many "
    "Most Several Other Others Another Such See Cf Compare Notably Indeed Overall Yet If "
    "Because Nevertheless Nonetheless Consequently Accordingly Specifically Importantly "
    "Interestingly Earlier Later Today Currently Later Whereas Unlike Via With Without "
    "Against Among Within Per Using Based Given Despite Including Excluding Especially "
    "Particularly Data Source Sources Sumber Lihat Menurut Dalam Pada Di Ke Dari Oleh "
    "Untuk Dengan Sebagai Seperti Sejak Sampai Hingga Selama Setelah Sebelum Sedangkan "
    "Namun Tetapi Akan Hal Ini Itu Tersebut Berdasarkan Sesuai Sejalan Mengacu Merujuk "
    "Adapun Selain Bahkan Meskipun Walaupun Jika Apabila Karena Sehingga Maka Oleh Juga "
    "Selanjutnya Kemudian Sementara Sebaliknya Akhirnya Misalnya Contohnya Lalu "
    "Penelitian Studi Kajian Hasil Teori Konsep Pendapat Definisi Pengertian Laporan "
    "Gemäß Nach Laut Vgl Siehe Según Véase Selon Voir Segundo Conforme Como Em En Desde "
    "Sobre Entre Dados Datos Fonte Fuente Ver Veja Apud Assim Así Ainda Além Además "
    "También Também Portanto Pelo Pela Para Adapted Diadaptasi Dikutip Cited "
    "Reviewed Quoted Reported Published Proposed Described Defined Developed Introduced "
    "Study Studies Research Work Works Review Reviews Paper Papers Author Authors Report "
    "Results Findings Evidence Analysis Theory Model Models Approach Framework"
)

#: Names of languages and peoples, used as labels before a citation ("English: Vance et
#: al., 2005", "Italian Piazzalunga et al., 2019"). They are surnames too ("English
#: (2005)"), so one is cut off only before a name the reference list gives.
LABEL_WORDS = _words(
    "English Italian Cantonese Mandarin Spanish French German Dutch Portuguese Japanese "
    "Korean Chinese Arabic Hebrew Hindi Urdu Bengali Persian Farsi Turkish Greek Russian "
    "Polish Czech Slovak Hungarian Finnish Swedish Norwegian Danish Icelandic Estonian "
    "Latvian Lithuanian Romanian Bulgarian Serbian Croatian Slovenian Ukrainian Catalan "
    "Basque Galician Welsh Irish Gaelic Thai Vietnamese Indonesian Malay Tagalog Filipino "
    "Swahili Yoruba Hausa Igbo Zulu Xhosa Amharic Tamil Telugu Marathi Punjabi Gujarati "
    "Javanese Sundanese Quechua Guarani Maori Hawaiian Samoan Tongan Inuktitut Sesotho "
    "Afrikaans Albanian Armenian Georgian Kazakh Uzbek Mongolian Tibetan Nepali Sinhala "
    "Khmer Lao Burmese"
)

#: Determiners: "the X (2019)" is a name only for corporate authors or "et al." forms.
DETERMINERS = _words("the The this This that a an our their its these those ini itu tersebut yang")

_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Januari Februari Maret Mei Juni Juli Agustus Oktober Desember Agt Agu Okt Nop Peb "
    "Januar Februar März Oktober Dezember Janvier Février Mars Avril Mai Juin Juillet Août "
    "Septembre Octobre Novembre Décembre Enero Febrero Marzo Abril Mayo Junio Julio Agosto "
    "Septiembre Octubre Noviembre Diciembre "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "Senin Selasa Rabu Kamis Jumat Sabtu Minggu "
    "Spring Summer Autumn Fall Winter Semester Quarter Q1 Q2 Q3 Q4"
)
_LEGAL_AND_LABELS = (
    "Act Acts Law Laws Bill Code Statute Regulation Regulations Decree Directive Constitution "
    "Article Art Section Sect Chapter Chap Clause Amendment Treaty Convention Agreement "
    "Declaration Protocol Resolution Ordinance Order Rule Rules Gazette Agenda Vision Horizon "
    "Plan Strategy Roadmap Census Censo Censos Sensus Zensus Recensement Recenseamento "
    "Encuesta Enquête Inquérito Umfrage Mikrozensus Summit Conference Congress Pandemic Era "
    "Period Year Years "
    "Edition Version Release Update Wave Round Phase Cycle Stage Step Figure Figures Fig Figs "
    "Table Tables Tab Appendix Equation Eq Eqs Box Panel Supplementary Supplement Note Notes "
    "No Nos Number Vol Volume Page Pages Tahun Nomor Pasal Ayat Bab Tabel Gambar Grafik Bagan "
    "Lampiran Peraturan Keputusan Instruksi Surat Edaran Undang-Undang Undang Qanun Kitab "
    "Permen Perpres Keppres Kepmen Inpres Perda Pergub Perbup Perwal Permendagri Permenkes "
    "Permendikbud Permenristekdikti Perppu Perma Perpu Putusan Penjelasan Amandemen "
    "UU UUD PP KUHP KUHPerdata KUHAP SE SK"
)
_PLACES = (
    "Indonesia Indonesian Malaysia Singapore Singapura Thailand Vietnam Philippines Filipina "
    "Japan Jepang China Chinese Cina Tiongkok Korea Taiwan India Pakistan Bangladesh Nepal "
    "America American Americas Amerika Serikat United States Kingdom Britain British Inggris "
    "Canada Mexico Brazil Brasil Argentina Colombia Peru Chile Europe European Eropa Asia "
    "Asian Africa African Afrika Australia Australian Oceania Germany German Jerman France "
    "French Prancis Perancis Italy Italia Spain Spanyol Netherlands Belanda Dutch Sweden "
    "Norway Denmark Finland Switzerland Austria Belgium Poland Russia Rusia Turkey Turki Iran "
    "Iraq Egypt Mesir Nigeria Kenya Ghana Ethiopia Uganda Tanzania Zambia Saudi Arabia Arab "
    "Qatar Emirates Greece Ireland Scotland Portugal Hungary Romania Ukraine Timor Brunei "
    "Myanmar Cambodia Laos Sri Lanka Tokyo Beijing Jakarta Bandung Surabaya Yogyakarta "
    "Jogjakarta Medan Semarang Makassar Palembang Denpasar Malang Bogor Depok Bekasi "
    "Tangerang Padang Pekanbaru Manado Pontianak Banjarmasin Samarinda Balikpapan Kupang "
    "Mataram Jayapura Ambon Aceh Riau Jambi Bengkulu Lampung Banten Jawa Java Sumatera "
    "Sumatra Kalimantan Borneo Sulawesi Papua Maluku Bali Lombok Nusa Tenggara Gorontalo "
    "Provinsi Kabupaten Kota Kecamatan Desa Kelurahan Barat Timur Utara Selatan Tengah "
    "North South East West Central Northern Southern Eastern Western Region Province "
    "District City County State Republic Republik Kingdom Island Islands Pulau Sungai River "
    "Lake Mount Gunung Santa São Nossa Senhora Igreja Iglesia Capela Capilla Catedral "
    "Basílica Mosteiro Convento Masjid"
)
_THINGS = (
    "COVID Covid SARS MERS HIV AIDS GDP PDB GNP SDG SDGs MDG MDGs RPJMN RPJMD APBN APBD APBDes "
    "USA US UK EU UN RI NKRI DKI DIY NTB NTT Windows Excel Office Word SPSS Stata MATLAB "
    "Python Java Google Scholar Scopus PubMed Microsoft Internet Web Twitter Facebook "
    "Instagram YouTube WhatsApp TikTok Android iOS Industry Revolution Olympics "
    "Games Cup Expo Festival Award Prize Nobel Rp IDR USD EUR ISO IEC PISA TIMSS"
)

#: Words that are never (part of) a personal name: months, days, seasons, statutes and
#: document labels, places, products. A non-corporate author string containing one is
#: not a citation ("March 2019", "Tahun 2019", "Jakarta, 2019", "Excel 2016").
NON_NAME_WORDS = _words(" ".join((_MONTHS, _LEGAL_AND_LABELS, _PLACES, _THINGS)))

#: Abbreviations whose period does not end a sentence (lower-cased, no period).
ABBREVIATIONS = _words(
    "al dkk e.g i.e cf p pp hlm hal h s ss fig figs eq eqs no nos vol vols ed eds dr mr mrs "
    "ms prof vs etc approx ca st jr sr u.a ref refs chap ch sect sec para tab resp viz cit "
    "op ibid id inc ltd co corp dept univ jl kab kec kel ds rt rw tbk pt cv"
)
