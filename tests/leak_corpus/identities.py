"""Twenty candidates, each with the identity every corpus sentence is judged against.

The mix is who looks for work in Japan: Japanese candidates (romaji, kanji and kana
names, addresses written in kanji, 株式会社 companies), and Chinese, Taiwanese, Hong
Kong, Korean, Vietnamese, Indian, Nepali, Filipino, Brazilian, Russian, Moroccan,
Irish, German, American, Australian and Spanish candidates (accents, a curly
apostrophe, two-letter name parts "Li", "Ng", "Ka", "ho", a hyphenated surname,
family-name-first order). Addresses are Japanese: prefecture, city, "1-2-3 Jingumae"
style streets, Sapporo's grid, a Kyoto street, building names with room numbers.

All data is invented; the phone numbers are well-formed, not anyone's. A current
company is either in the identity or only in an experience entry with no end date
(Ivan), and one candidate has none (Sarah, between jobs).
"""

from __future__ import annotations

import re

from gpseeker.core.models import (
    Demographics,
    ExperienceEntry,
    Identity,
    Location,
    PostalAddress,
    Profile,
)

from .records import Person


def _person(
    key: str,
    *,
    full_name: str,
    email: str,
    phone: str,
    address: PostalAddress,
    company: str | None,
    headline: str,
    experience: list[ExperienceEntry],
    nationality: str,
    other_names: tuple[str, ...] = (),
) -> Person:
    profile = Profile(
        identity=Identity(
            full_name=full_name,
            email=email,
            phone=phone,
            address=address,
            current_company=company,
        ),
        location=Location(prefecture=address.prefecture, city=address.city),
        headline=headline,
        experience=experience,
        demographics=Demographics(nationality=nationality),
    )
    return Person(key=key, profile=profile, other_names=other_names)


def profile_with_other_names(person: Person) -> Profile:
    """The profile a guard is given for `person`: its other names in the identity's
    Japanese fields, as a candidate fills them in (the name in kanji or katakana, and
    its kana reading). A romaji spelling of a name given in kanji has no field, so
    what only it gives away stays a miss."""
    japanese = [name for name in person.other_names if _JAPANESE.search(name)]
    kana = [name for name in japanese if not _KANJI.search(name)]
    written = next((name for name in japanese if name not in kana[1:]), None)
    reading = next((name for name in kana if name != written), None)
    identity = person.profile.identity.model_copy(
        update={"name_japanese": written, "name_reading": reading}
    )
    return person.profile.model_copy(update={"identity": identity})


_JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_KANJI = re.compile("[\u3400-\u9fff\uac00-\ud7af]")


_PEOPLE: tuple[Person, ...] = (
    # The probe of issue 13: a Spanish engineer at "Umbrella Corp", in Shibuya.
    _person(
        "zebedee",
        full_name="Zebedee Quixote",
        email="zebedee.q@probe-mail.example",
        phone="090-1234-5678",
        address=PostalAddress(
            postal_code="150-0002",
            prefecture="Tokyo",
            city="Shibuya",
            street="7-7-7 Quixotic-cho",
            building="Windmill Tower 1201",
        ),
        company="Umbrella Corp",
        headline="Senior backend engineer, Go and Rust",
        experience=[
            ExperienceEntry(
                title="Senior backend engineer",
                company="Umbrella Corp",
                industry="Fintech",
                start="2021-04",
            ),
            ExperienceEntry(
                title="Software engineer",
                company="La Mancha Robotics S.L.",
                industry="Robotics",
                start="2016-09",
                end="2021-03",
            ),
        ],
        nationality="Spanish",
        other_names=("ゼベディー・キホーテ",),
    ),
    # A Japanese designer: romaji full name, kanji and kana spellings, kanji address.
    _person(
        "misaki",
        full_name="Misaki Tanaka",
        email="misaki.tanaka@example.jp",
        phone="080-4417-2093",
        address=PostalAddress(
            postal_code="154-0004",
            prefecture="Tokyo",
            city="世田谷区",
            street="太子堂3-15-8",
            building="パークハイツ太子堂 305",
        ),
        company="株式会社青葉ソフト",
        headline="UI/UX designer (mobile apps)",
        experience=[
            ExperienceEntry(
                title="UI/UX designer",
                company="株式会社青葉ソフト",
                industry="Software",
                start="2020-10",
            ),
            ExperienceEntry(
                title="Graphic designer",
                company="株式会社みなと広告",
                industry="Advertising",
                start="2015-04",
                end="2020-09",
            ),
        ],
        nationality="Japanese",
        other_names=("田中 美咲", "タナカ ミサキ", "たなか みさき"),
    ),
    # A Japanese engineer whose full name is in kanji; romaji is the other spelling.
    _person(
        "kenta",
        full_name="佐藤 健太",
        email="k.sato.0612@example.ne.jp",
        phone="070-3321-8876",
        address=PostalAddress(
            postal_code="530-0001",
            prefecture="Osaka",
            city="大阪市北区",
            street="梅田2-4-9",
            building="梅田レジデンス 1103",
        ),
        company="ナニワ精機株式会社",
        headline="組込みソフトウェアエンジニア",
        experience=[
            ExperienceEntry(
                title="組込みエンジニア",
                company="ナニワ精機株式会社",
                industry="Manufacturing",
                start="2018-04",
            ),
            ExperienceEntry(
                title="ソフトウェア開発",
                company="関西電子工業株式会社",
                industry="Electronics",
                start="2012-04",
                end="2018-03",
            ),
        ],
        nationality="Japanese",
        other_names=("Kenta Sato", "サトウ ケンタ", "さとう けんた"),
    ),
    # Two-letter surname: "Li" alone is hidden only beside "Wei" or a title.
    _person(
        "liwei",
        full_name="Li Wei",
        email="liwei.yk@example.com",
        phone="080-2290-6614",
        address=PostalAddress(
            postal_code="231-0023",
            prefecture="Kanagawa",
            city="Yokohama",
            street="2-14-5 Yamashita-cho",
            building="Bay Court Yamashita 804",
        ),
        company="Harbor Logistics K.K.",
        headline="Data engineer (Spark, Airflow, BigQuery)",
        experience=[
            ExperienceEntry(
                title="Data engineer",
                company="Harbor Logistics K.K.",
                industry="Logistics",
                start="2019-07",
            ),
            ExperienceEntry(
                title="Software engineer",
                company="Shenzhen Cloudwave Technology",
                industry="Cloud",
                start="2014-07",
                end="2019-05",
            ),
        ],
        nationality="Chinese",
        other_names=("李 偉", "李伟", "リー・ウェイ"),
    ),
    # A Korean name with a hyphenated given name, in Hangul and katakana too.
    _person(
        "seoyeon",
        full_name="Kim Seo-yeon",
        email="seoyeon.kim@example.kr",
        phone="090-8812-3057",
        address=PostalAddress(
            postal_code="810-0041",
            prefecture="Fukuoka",
            city="Fukuoka-shi Chuo-ku",
            street="1-8-22 Daimyo",
            building="Daimyo Garden Court 502",
        ),
        company="Hakata Games Inc.",
        headline="Game designer and KO/JA localisation lead",
        experience=[
            ExperienceEntry(
                title="Game designer",
                company="Hakata Games Inc.",
                industry="Games",
                start="2021-01",
            ),
            ExperienceEntry(
                title="Localisation specialist",
                company="Pangyo Soft Co., Ltd.",
                industry="Games",
                start="2016-03",
                end="2020-11",
            ),
        ],
        nationality="Korean",
        other_names=("김서연", "キム・ソヨン"),
    ),
    # Vietnamese: diacritics, and "Đ", which no Unicode decomposition turns into "D".
    _person(
        "duc",
        full_name="Trần Minh Đức",
        email="duc.tran.vn@example.com",
        phone="070-5568-1243",
        address=PostalAddress(
            postal_code="460-0008",
            prefecture="Aichi",
            city="Nagoya-shi Naka-ku",
            street="3-6-15 Sakae",
            building="Sakae Palace 407",
        ),
        company="Chubu Precision Co., Ltd.",
        headline="Mechanical design engineer (CATIA, SolidWorks)",
        experience=[
            ExperienceEntry(
                title="Mechanical design engineer",
                company="Chubu Precision Co., Ltd.",
                industry="Manufacturing",
                start="2020-04",
            ),
            ExperienceEntry(
                title="CAD engineer",
                company="Saigon Mechatronics JSC",
                industry="Manufacturing",
                start="2016-06",
                end="2019-12",
            ),
        ],
        nationality="Vietnamese",
        other_names=("チャン・ミン・ドゥック",),
    ),
    # An Indian name with a long surname, often written with an initial.
    _person(
        "priya",
        full_name="Priya Venkataraman",
        email="priya.venkataraman@example.in",
        phone="080-3345-9021",
        address=PostalAddress(
            postal_code="135-0042",
            prefecture="Tokyo",
            city="Koto-ku",
            street="4-1-7 Kiba",
            building="Kiba Park Residence 1507",
        ),
        company="Indigo Byte Solutions K.K.",
        headline="SDET: test automation with Playwright and pytest",
        experience=[
            ExperienceEntry(
                title="SDET",
                company="Indigo Byte Solutions K.K.",
                industry="IT services",
                start="2022-02",
            ),
            ExperienceEntry(
                title="QA engineer",
                company="Chennai DataWorks Pvt. Ltd.",
                industry="IT services",
                start="2015-08",
                end="2022-01",
            ),
        ],
        nationality="Indian",
        other_names=("プリヤ・ヴェンカタラマン",),
    ),
    # Brazilian in Hamamatsu: ã and ç, often typed without them.
    _person(
        "joao",
        full_name="João Pedro Gonçalves",
        email="joao.goncalves@example.com.br",
        phone="090-6678-1290",
        address=PostalAddress(
            postal_code="430-0944",
            prefecture="Shizuoka",
            city="Hamamatsu",
            street="1-12-3 Tamachi",
            building="Casa Tamachi 203",
        ),
        company="Enshu Motor Parts K.K.",
        headline="Production line leader, quality control",
        experience=[
            ExperienceEntry(
                title="Line leader",
                company="Enshu Motor Parts K.K.",
                industry="Automotive",
                start="2017-05",
            ),
            ExperienceEntry(
                title="Quality inspector",
                company="Metalúrgica Paulista Ltda.",
                industry="Metalworking",
                start="2010-02",
                end="2017-01",
            ),
        ],
        nationality="Brazilian",
        other_names=("ジョアン・ペドロ・ゴンサルベス",),
    ),
    # Hong Kong: an English name plus a Cantonese name of three two-letter parts.
    _person(
        "kaho",
        full_name="Kenneth Ng Ka-ho",
        email="kenneth.ng@example.hk",
        phone="080-7012-4488",
        address=PostalAddress(
            postal_code="106-0045",
            prefecture="Tokyo",
            city="Minato-ku",
            street="3-2-11 Azabu-Juban",
            building="Juban Hills Terrace 702",
        ),
        company="Victoria Harbour Capital Japan",
        headline="Quantitative analyst, rates and FX",
        experience=[
            ExperienceEntry(
                title="Quantitative analyst",
                company="Victoria Harbour Capital Japan",
                industry="Finance",
                start="2020-06",
            ),
            ExperienceEntry(
                title="Risk analyst",
                company="Lion Rock Securities Ltd.",
                industry="Finance",
                start="2015-09",
                end="2020-05",
            ),
        ],
        nationality="Hong Kong",
        other_names=("吳家豪",),
    ),
    # Irish: an accent and an apostrophe (a one-letter part, "O").
    _person(
        "siobhan",
        full_name="Siobhán O'Connor",
        email="siobhan.oconnor@example.ie",
        phone="080-9034-5517",
        address=PostalAddress(
            postal_code="980-0811",
            prefecture="Miyagi",
            city="Sendai-shi Aoba-ku",
            street="2-5-8 Ichibancho",
            building="Maison Ichibancho 301",
        ),
        company="Brightpath English School",
        headline="English teacher (CELTA), curriculum and speech contests",
        experience=[
            ExperienceEntry(
                title="Head teacher",
                company="Brightpath English School",
                industry="Education",
                start="2022-04",
            ),
            ExperienceEntry(
                title="Assistant Language Teacher",
                company="Miyagi Prefectural Board of Education",
                industry="Education",
                start="2018-08",
                end="2022-03",
            ),
        ],
        nationality="Irish",
        other_names=("シボーン・オコナー",),
    ),
    # German: ü, which Germans also write "ue".
    _person(
        "thomas",
        full_name="Thomas Müller",
        email="thomas.mueller@example.de",
        phone="090-2257-8810",
        address=PostalAddress(
            postal_code="650-0001",
            prefecture="Hyogo",
            city="Kobe-shi Chuo-ku",
            street="4-2-7 Kano-cho",
            building="Kano-cho Court 602",
        ),
        company="Rheinwerk Chemicals Japan GK",
        headline="Chemical regulatory affairs (REACH, GHS, 化審法)",
        experience=[
            ExperienceEntry(
                title="Regulatory affairs manager",
                company="Rheinwerk Chemicals Japan GK",
                industry="Chemicals",
                start="2019-10",
            ),
            ExperienceEntry(
                title="Process chemist",
                company="Neckar Polymer GmbH",
                industry="Chemicals",
                start="2012-01",
                end="2019-08",
            ),
        ],
        nationality="German",
        other_names=("トーマス・ミュラー",),
    ),
    # Between jobs: no current company at all, so every company name is fine.
    _person(
        "sarah",
        full_name="Sarah Johnson",
        email="sarahj.sapporo@example.com",
        phone="080-6001-7342",
        address=PostalAddress(
            postal_code="060-0061",
            prefecture="Hokkaido",
            city="Sapporo-shi Chuo-ku",
            street="Minami 1-jo Nishi 5-8-2",
            building="Odori Court 901",
        ),
        company=None,
        headline="Former ALT moving into marketing and localisation",
        experience=[
            ExperienceEntry(
                title="Assistant Language Teacher",
                company="Sapporo City Board of Education",
                industry="Education",
                start="2019-08",
                end="2025-03",
            ),
        ],
        nationality="American",
        other_names=("サラ・ジョンソン",),
    ),
    # Taiwanese: a one-kanji surname (林) and a Kyoto address written in kanji.
    _person(
        "meiling",
        full_name="Lin Mei-ling",
        email="meiling.lin@example.tw",
        phone="070-1357-2468",
        address=PostalAddress(
            postal_code="604-8005",
            prefecture="Kyoto",
            city="京都市中京区",
            street="恵比須町427",
            building="河原町ハイツ 302",
        ),
        company="株式会社京都リンガ",
        headline="Chinese/Japanese/English translator (patents, subtitles)",
        experience=[
            ExperienceEntry(
                title="Translator",
                company="株式会社京都リンガ",
                industry="Translation",
                start="2019-04",
            ),
            ExperienceEntry(
                title="Technical writer",
                company="Formosa Electronics Corp.",
                industry="Electronics",
                start="2013-07",
                end="2019-02",
            ),
        ],
        nationality="Taiwanese",
        other_names=("林 美玲", "リン・メイリン"),
    ),
    # Russian: Cyrillic spelling; the current job only as an open experience entry.
    _person(
        "ivan",
        full_name="Ivan Petrov",
        email="ivan.petrov@example.ru",
        phone="090-4411-2873",
        address=PostalAddress(
            postal_code="950-0911",
            prefecture="Niigata",
            city="Niigata-shi Chuo-ku",
            street="2-8-14 Sasaguchi",
            building="Sasaguchi Heights 1203",
        ),
        company=None,
        headline="Marine engineer, diesel and LNG propulsion",
        experience=[
            ExperienceEntry(
                title="Marine engineer",
                company="Sado Marine Systems Co., Ltd.",
                industry="Shipbuilding",
                start="2021-09",
            ),
            ExperienceEntry(
                title="Second engineer",
                company="Vladivostok Shipyard JSC",
                industry="Shipbuilding",
                start="2010-06",
                end="2021-06",
            ),
        ],
        nationality="Russian",
        other_names=("Иван Петров", "イワン・ペトロフ"),
    ),
    # Filipino caregiver: a four-part name with a lower-case particle ("dela").
    _person(
        "mariaclara",
        full_name="Maria Clara dela Cruz",
        email="mclara.delacruz@example.ph",
        phone="080-5523-1176",
        address=PostalAddress(
            postal_code="273-0865",
            prefecture="Chiba",
            city="Funabashi",
            street="3-7-21 Natsumi",
            building="Natsumi Grace 205",
        ),
        company="Sakura Care Services Co., Ltd.",
        headline="Certified care worker (介護福祉士), night shifts",
        experience=[
            ExperienceEntry(
                title="Care worker",
                company="Sakura Care Services Co., Ltd.",
                industry="Nursing care",
                start="2019-11",
            ),
            ExperienceEntry(
                title="Nurse aide",
                company="St. Luke's Medical Center",
                industry="Healthcare",
                start="2014-06",
                end="2019-08",
            ),
        ],
        nationality="Filipino",
        other_names=("マリア・クララ・デラクルス",),
    ),
    # Nepali restaurant manager in Shin-Okubo.
    _person(
        "bikash",
        full_name="Bikash Gurung",
        email="bikash.gurung@example.com.np",
        phone="070-8890-1324",
        address=PostalAddress(
            postal_code="169-0073",
            prefecture="Tokyo",
            city="Shinjuku-ku",
            street="1-11-6 Hyakunincho",
            building="Okubo Green Heights 203",
        ),
        company="Everest Kitchen K.K.",
        headline="Restaurant manager, Nepali and Indian cuisine",
        experience=[
            ExperienceEntry(
                title="Restaurant manager",
                company="Everest Kitchen K.K.",
                industry="Food service",
                start="2018-03",
            ),
            ExperienceEntry(
                title="Cook",
                company="Himalayan Spice House",
                industry="Food service",
                start="2013-05",
                end="2018-02",
            ),
        ],
        nationality="Nepali",
        other_names=("ビカス・グルン",),
    ),
    # A Japanese accountant whose given name is in hiragana (中村 ゆき).
    _person(
        "yuki",
        full_name="Yuki Nakamura",
        email="nakamura.yuki.88@example.ne.jp",
        phone="090-3141-5926",
        address=PostalAddress(
            postal_code="730-0011",
            prefecture="Hiroshima",
            city="広島市中区",
            street="基町10-3",
            building="基町アーバンハイツ 1402",
        ),
        company="瀬戸内マリン株式会社",
        headline="経理・財務（月次決算、連結、英文経理）",
        experience=[
            ExperienceEntry(
                title="経理",
                company="瀬戸内マリン株式会社",
                industry="Shipping",
                start="2016-04",
            ),
            ExperienceEntry(
                title="窓口業務",
                company="広島中央銀行",
                industry="Banking",
                start="2010-04",
                end="2016-03",
            ),
        ],
        nationality="Japanese",
        other_names=("中村 ゆき", "ナカムラ ユキ", "なかむら ゆき"),
    ),
    # Australian data scientist with a hyphenated surname.
    _person(
        "olivia",
        full_name="Olivia Chen-Whitmore",
        email="olivia.cw@example.com.au",
        phone="080-2468-1357",
        address=PostalAddress(
            postal_code="106-0047",
            prefecture="Tokyo",
            city="Minato-ku",
            street="4-5-20 Minami-Azabu",
            building="Arisugawa Park Residence 1104",
        ),
        company="Southern Cross Analytics K.K.",
        headline="Data scientist: forecasting, causal inference, MLOps",
        experience=[
            ExperienceEntry(
                title="Lead data scientist",
                company="Southern Cross Analytics K.K.",
                industry="Consulting",
                start="2021-03",
            ),
            ExperienceEntry(
                title="Data scientist",
                company="Koala Data Pty Ltd",
                industry="Consulting",
                start="2016-02",
                end="2021-01",
            ),
        ],
        nationality="Australian",
        other_names=("オリビア・チェン＝ウィットモア",),
    ),
    # A Japanese recruiter at a foreign company; the "aiko [at] example [dot] org".
    _person(
        "aiko",
        full_name="Aiko Watanabe",
        email="aiko@example.org",
        phone="080-3579-2468",
        address=PostalAddress(
            postal_code="330-0063",
            prefecture="Saitama",
            city="さいたま市浦和区",
            street="高砂2-7-11",
            building="浦和タワーレジデンス 2104",
        ),
        company="Global Bridge Consulting LLC",
        headline="Bilingual HR business partner and recruiter",
        experience=[
            ExperienceEntry(
                title="HR business partner",
                company="Global Bridge Consulting LLC",
                industry="Consulting",
                start="2020-01",
            ),
            ExperienceEntry(
                title="人事",
                company="株式会社東和商事",
                industry="Trading",
                start="2013-04",
                end="2019-12",
            ),
        ],
        nationality="Japanese",
        other_names=("渡辺 愛子", "ワタナベ アイコ"),
    ),
    # Moroccan, French-speaking: a compound given name and an accented building.
    _person(
        "fatima",
        full_name="Fatima Zahra Benali",
        email="fz.benali@example.fr",
        phone="090-1470-2581",
        address=PostalAddress(
            postal_code="556-0011",
            prefecture="Osaka",
            city="Osaka-shi Naniwa-ku",
            street="1-4-16 Nambanaka",
            building="Lumière Namba 1807",
        ),
        company="Kasbah Travel K.K.",
        headline="Travel sales and hotel partnerships (FR/AR/EN/JA)",
        experience=[
            ExperienceEntry(
                title="Sales manager",
                company="Kasbah Travel K.K.",
                industry="Travel",
                start="2021-05",
            ),
            ExperienceEntry(
                title="Front office supervisor",
                company="Riad Hotels Marrakech",
                industry="Hospitality",
                start="2015-03",
                end="2021-02",
            ),
        ],
        nationality="Moroccan",
        other_names=("ファティマ・ザハラ・ベナリ",),
    ),
)

PEOPLE: dict[str, Person] = {person.key: person for person in _PEOPLE}
"""Every candidate of the corpus by key."""
