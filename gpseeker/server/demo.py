"""Demo data for a LOCAL DEMO platform, and synthetic data for benchmarks.

Everything here is fictional. `demo_employers()` is what a fresh embedded platform is
seeded with, so that a new user can search, filter and apply right away; the UI labels
that platform as a local demo. The companies do not exist, and every e-mail address is
under the reserved `.example` top-level domain (RFC 2606), so nothing sent to one can
ever reach a real person.

`synthetic_jobs` and `synthetic_profiles` generate any number of valid, varied jobs
and profiles for the search and resume-bank benchmarks. They are deterministic for a
seed, so two benchmark runs search the same data.

Pure data and generators: the server inserts them, nothing here touches a database.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from gpseeker.core.models import (
    JOB_TYPES,
    PREFECTURES,
    VISA_STATUSES,
    Demographics,
    Education,
    EducationLevel,
    EnglishLevel,
    ExperienceEntry,
    Gender,
    Identity,
    JapaneseLevel,
    JobCategory,
    JobDraft,
    JobType,
    Languages,
    Location,
    PostalAddress,
    Preferences,
    Profile,
    RemotePolicy,
    SalaryPeriod,
    VisaStatus,
)
from gpseeker.server import demo_jobs
from gpseeker.server.demo_jobs import Posted

DEMO_LABEL = "Local demo platform: all employers and jobs are fictional."
"""The line the UI shows wherever demo data appears."""


@dataclass(frozen=True)
class DemoEmployer:
    company_name: str
    """Its legal name, as the platform's operator verified it."""
    email: str
    about: str
    jobs: list[tuple[JobDraft, int]]
    """Each job with how many days ago it was posted (0 to 60)."""
    also_known_as: tuple[str, ...] = ()
    """Its other names: in katakana or kanji, in English, and former names."""

    @property
    def domain(self) -> str:
        return self.email.rsplit("@", 1)[-1]


# What a real operator would record beside each legal name: how the company writes
# itself in Japanese, and the shorter names people use.
_OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "Sakura Systems K.K.": ("サクラシステムズ株式会社",),
    "Azumino Onsen Ryokan Group": ("安曇野温泉旅館グループ",),
    "Kotoba Bridge English Schools": ("ことばブリッジ英会話", "Kotoba Bridge"),
    "Hakata Pixel Works": ("博多ピクセルワークス株式会社",),
    "Yukiguni Snow Resort K.K.": ("雪国スノーリゾート株式会社",),
    "Naniwa Logistics Co., Ltd.": ("浪速ロジスティクス株式会社",),
    "Kakehashi Translation Partners": ("かけはし翻訳パートナーズ",),
    "Mikawa Precision Parts Co., Ltd.": ("三河精密部品株式会社", "Mikawa Seimitsu"),
    "KobanPay K.K.": ("コバンペイ株式会社",),
    "Tsukikage Sake Brewery, Export Division": ("月影酒造株式会社", "Tsukikage Shuzo"),
    "Churaumi International Clinic": ("医療法人 美ら海インターナショナルクリニック",),
}


_EMPLOYERS: tuple[tuple[str, str, str, Callable[[dt.date], list[Posted]]], ...] = (
    (
        "Sakura Systems K.K.",
        "hiring@sakura-systems.example",
        "A Tokyo software company whose ordering and stock platform runs the kitchens of "
        "about 2,000 restaurants in Japan. 70 people from 14 countries; English at work.",
        demo_jobs.sakura_systems,
    ),
    (
        "Azumino Onsen Ryokan Group",
        "careers@azumino-ryokan.example",
        "Four family-run hot-spring inns in Nagano (Azumino, Hakuba, Matsumoto and "
        "Karuizawa), welcoming guests from Japan and abroad since 1952.",
        demo_jobs.azumino_ryokan,
    ),
    (
        "Kotoba Bridge English Schools",
        "recruit@kotoba-bridge.example",
        "A chain of 38 small English conversation schools in Kanto, Tohoku and Chugoku, "
        "teaching children and adults in groups of six or fewer.",
        demo_jobs.kotoba_bridge,
    ),
    (
        "Hakata Pixel Works",
        "jobs@hakata-pixel.example",
        "An independent game studio of 80 people in Fukuoka, making mobile and console "
        "games for players in Japan and worldwide.",
        demo_jobs.hakata_pixel,
    ),
    (
        "Yukiguni Snow Resort K.K.",
        "staff@yukiguni-resort.example",
        "A ski resort and mountain hotel near Kutchan, Hokkaido, open for powder in winter "
        "and rafting and hiking in summer.",
        demo_jobs.yukiguni_resort,
    ),
    (
        "Naniwa Logistics Co., Ltd.",
        "recruit@naniwa-logistics.example",
        "Warehousing, e-commerce fulfilment and international forwarding from six sites "
        "around Osaka Bay and the port of Kobe.",
        demo_jobs.naniwa_logistics,
    ),
    (
        "Kakehashi Translation Partners",
        "work@kakehashi-translation.example",
        "A translation and interpreting agency in Tokyo for patents, medicine, "
        "manufacturing and entertainment, with 300 freelance linguists worldwide.",
        demo_jobs.kakehashi_translation,
    ),
    (
        "Mikawa Precision Parts Co., Ltd.",
        "global-hr@mikawa-precision.example",
        "A maker of brake and steering components for Japanese carmakers, with a design "
        "centre in Okazaki and plants in Aichi, Gifu and Shizuoka.",
        demo_jobs.mikawa_precision,
    ),
    (
        "KobanPay K.K.",
        "talent@kobanpay.example",
        "A Tokyo fintech that lets small shops take card and QR payments and get paid the "
        "next day. Engineering works in English.",
        demo_jobs.kobanpay,
    ),
    (
        "Tsukikage Sake Brewery, Export Division",
        "export-jobs@tsukikage-sake.example",
        "The export arm of a sake brewery founded in Fushimi, Kyoto, in 1781, shipping to "
        "importers and restaurants in 18 countries.",
        demo_jobs.tsukikage_sake,
    ),
    (
        "Churaumi International Clinic",
        "recruit@churaumi-clinic.example",
        "A bilingual outpatient clinic in Naha, Okinawa, caring for residents and "
        "visitors from abroad.",
        demo_jobs.churaumi_clinic,
    ),
)


def demo_employers(today: dt.date | None = None) -> list[DemoEmployer]:
    """The fictional employers and jobs a fresh local demo platform starts with.

    `today` only moves the few closing dates, which must lie in the future whenever the
    demo is seeded; tests pass it to get the same answer on any day.
    """
    day = today or dt.date.today()
    return [
        DemoEmployer(
            company_name=name,
            email=email,
            about=about,
            jobs=jobs(day),
            also_known_as=_OTHER_NAMES.get(name, ()),
        )
        for name, email, about, jobs in _EMPLOYERS
    ]


# --- synthetic jobs -------------------------------------------------------------------

# Titles and skills per category: enough distinct words that full-text search over
# 100k jobs has selective terms (a skill in ~1% of jobs) as well as common ones.
_TITLES: dict[JobCategory, tuple[str, ...]] = {
    "teaching": (
        "English Teacher", "ALT (Assistant Language Teacher)", "Kids English Instructor",
        "Business English Trainer", "International School Teacher", "Online Tutor",
        "Curriculum Developer", "Ski Instructor", "Chinese Language Teacher",
        "University Lecturer",
    ),
    "it": (
        "Backend Engineer", "Frontend Engineer", "Full Stack Developer", "Data Engineer",
        "Machine Learning Engineer", "Site Reliability Engineer", "iOS Developer",
        "Android Developer", "QA Engineer", "Security Engineer", "Infrastructure Engineer",
        "Data Scientist", "Game Programmer", "Engineering Manager", "IT Support Specialist",
    ),
    "hospitality": (
        "Front Desk Agent", "Hotel Concierge", "Restaurant Server", "Line Cook",
        "Housekeeping Staff", "Guest Relations Officer", "Bartender", "Night Auditor",
        "Tour Guide", "Ryokan Staff", "Barista", "Banquet Coordinator",
    ),
    "engineering": (
        "Mechanical Design Engineer", "Electrical Engineer", "Embedded Software Engineer",
        "Civil Engineer", "Process Engineer", "Robotics Engineer", "Field Service Engineer",
        "CAD Designer", "Maintenance Technician", "Structural Engineer",
    ),
    "sales": (
        "Account Executive", "Inside Sales Representative", "Business Development Manager",
        "Technical Sales Engineer", "Export Sales Manager", "Real Estate Agent",
        "Retail Sales Associate", "Partner Manager", "Key Account Manager",
    ),
    "translation": (
        "Translator", "Interpreter", "Localization Specialist", "Subtitle Translator",
        "Patent Translator", "Localization Project Manager", "Proofreader",
        "Medical Interpreter", "Game Localization Tester",
    ),
    "marketing": (
        "Digital Marketing Specialist", "Content Writer", "Social Media Manager",
        "SEO Specialist", "Brand Manager", "Marketing Coordinator", "Growth Marketer",
        "PR Specialist", "Community Manager",
    ),
    "finance": (
        "Financial Analyst", "Accountant", "Compliance Officer", "Risk Analyst",
        "Investment Analyst", "Payroll Specialist", "Internal Auditor", "Treasury Analyst",
        "Tax Consultant",
    ),
    "healthcare": (
        "Registered Nurse", "Care Worker", "Medical Coordinator", "Pharmacist Assistant",
        "Physiotherapist", "Clinical Research Associate", "Dental Assistant",
    ),
    "manufacturing": (
        "Production Operator", "Quality Inspector", "Quality Assurance Engineer",
        "CNC Machinist", "Welder", "Production Planner", "Line Leader",
        "Food Factory Worker", "Assembly Technician",
    ),
    "logistics": (
        "Warehouse Associate", "Forklift Operator", "Logistics Coordinator",
        "Freight Forwarder", "Supply Chain Analyst", "Delivery Driver",
        "Customs Specialist", "Inventory Controller", "Procurement Specialist",
    ),
    "research": (
        "Research Scientist", "Postdoctoral Researcher", "Lab Technician",
        "Research Engineer", "Materials Scientist", "UX Researcher", "Bioinformatician",
    ),
    "design": (
        "Product Designer", "UI Designer", "Graphic Designer", "3D Artist",
        "Motion Designer", "Game Artist", "Interior Designer", "Illustrator",
        "Packaging Designer",
    ),
    "customer_support": (
        "Customer Support Representative", "Call Centre Agent", "Technical Support Engineer",
        "Customer Success Manager", "Reservations Agent", "Bilingual Receptionist",
        "Help Desk Analyst",
    ),
    "other": (
        "Recruiter", "HR Generalist", "Office Administrator", "Executive Assistant",
        "Ski Patroller", "Farm Worker", "Real Estate Coordinator", "Event Staff",
    ),
}  # fmt: skip

_SKILLS: dict[JobCategory, tuple[str, ...]] = {
    "teaching": (
        "ESL teaching", "TEFL", "CELTA", "Lesson planning", "Classroom management",
        "Phonics", "Teaching children", "Business English", "IELTS preparation",
        "TOEIC preparation", "Curriculum design", "Online teaching", "Zoom", "CEFR",
    ),
    "it": (
        "Python", "Go", "Java", "Kotlin", "TypeScript", "JavaScript", "Rust", "C++",
        "Ruby on Rails", "React", "Vue.js", "Next.js", "Django", "FastAPI", "Spring Boot",
        "PostgreSQL", "MySQL", "Redis", "Elasticsearch", "Kafka", "AWS", "GCP", "Azure",
        "Docker", "Kubernetes", "Terraform", "Linux", "GraphQL", "gRPC", "Swift",
        "Flutter", "PyTorch", "TensorFlow", "Spark", "dbt", "BigQuery", "Airflow",
        "Unity", "Unreal Engine", "CI/CD", "Datadog", "Prometheus", "Security",
    ),
    "hospitality": (
        "Reception", "Reservations", "Opera PMS", "Food hygiene", "Wine service",
        "Barista skills", "Housekeeping", "Customer service", "Cash handling",
        "Food preparation", "Kaiseki", "Event planning", "First aid", "Guiding",
    ),
    "engineering": (
        "CATIA", "SolidWorks", "AutoCAD", "GD&T", "FMEA", "PLC", "AUTOSAR", "CAN",
        "Embedded C", "ISO 26262", "Circuit design", "Simulation", "MATLAB",
        "Structural analysis", "Robot programming", "Electrical maintenance",
    ),
    "sales": (
        "B2B sales", "Negotiation", "Salesforce", "HubSpot", "Lead generation",
        "Account management", "Cold calling", "Presentation", "Export sales",
        "Distributor management", "Retail", "CRM", "Forecasting",
    ),
    "translation": (
        "Trados", "memoQ", "Subtitling", "Interpreting", "Proofreading", "Transcreation",
        "Patent translation", "Medical translation", "Legal translation", "Localization",
        "Game localization", "Terminology management", "Aegisub",
    ),
    "marketing": (
        "SEO", "Google Ads", "Meta Ads", "Content marketing", "Copywriting", "Instagram",
        "TikTok", "Google Analytics", "Email marketing", "Brand strategy", "PR",
        "Influencer marketing", "WordPress", "Marketing automation",
    ),
    "finance": (
        "Financial modelling", "Excel", "IFRS", "J-GAAP", "US GAAP", "AML", "KYC",
        "Budgeting", "Audit", "Tax", "SAP", "Risk management", "Bloomberg", "Payroll",
    ),
    "healthcare": (
        "Nursing", "Patient care", "Elderly care", "Medical terminology", "Triage",
        "Clinical trials", "GCP (clinical)", "Rehabilitation", "Dental care",
        "Pharmacy", "Infection control",
    ),
    "manufacturing": (
        "Machine operation", "Quality control", "5S", "Kaizen", "Lean manufacturing",
        "Six Sigma", "IATF 16949", "ISO 9001", "CNC machining", "Welding", "Forklift",
        "Statistical process control", "Production planning", "Food safety",
    ),
    "logistics": (
        "Inventory management", "WMS", "Forklift licence", "Freight forwarding",
        "Incoterms", "Customs clearance", "NACCS", "Route planning", "SAP",
        "Procurement", "Supply chain planning", "Picking and packing",
    ),
    "research": (
        "Statistics", "R", "Python", "Experimental design", "Literature review",
        "Bioinformatics", "Materials science", "Spectroscopy", "Machine learning",
        "Grant writing", "User research", "Electrochemistry",
    ),
    "design": (
        "Figma", "Adobe Illustrator", "Photoshop", "After Effects", "Blender", "Maya",
        "ZBrush", "Substance Painter", "Typography", "UX research", "Prototyping",
        "Design systems", "Packaging design", "Illustration",
    ),
    "customer_support": (
        "Zendesk", "Customer service", "Ticketing", "Phone support", "Chat support",
        "Troubleshooting", "CRM", "Complaint handling", "Salesforce Service Cloud",
        "Knowledge base writing",
    ),
    "other": (
        "Recruiting", "Interviewing", "Scheduling", "Microsoft Office", "Google Workspace",
        "Event management", "Administration", "Immigration paperwork", "Labour law",
    ),
}  # fmt: skip

_CATEGORIES: tuple[JobCategory, ...] = tuple(_TITLES)
# Roughly how often each category appears on a board for foreigners in Japan.
_CATEGORY_WEIGHTS: tuple[int, ...] = (
    14, 18, 12, 8, 7, 6, 6, 4, 4, 6, 5, 2, 4, 5, 3,
)  # fmt: skip

_CITIES: dict[str, tuple[str, ...]] = {
    "Tokyo": ("Shibuya", "Shinjuku", "Minato", "Chiyoda", "Shinagawa", "Meguro", "Koto"),
    "Osaka": ("Umeda", "Namba", "Sakai", "Suita", "Higashiosaka"),
    "Kanagawa": ("Yokohama", "Kawasaki", "Fujisawa", "Atsugi"),
    "Aichi": ("Nagoya", "Toyota", "Okazaki", "Kariya"),
    "Fukuoka": ("Fukuoka", "Kitakyushu", "Kurume"),
    "Hokkaido": ("Sapporo", "Niseko", "Kutchan", "Asahikawa", "Hakodate"),
    "Kyoto": ("Kyoto", "Uji", "Fushimi"),
    "Hyogo": ("Kobe", "Himeji", "Nishinomiya"),
    "Okinawa": ("Naha", "Okinawa City", "Nago", "Ishigaki"),
    "Nagano": ("Nagano", "Matsumoto", "Hakuba", "Karuizawa"),
    "Miyagi": ("Sendai", "Ishinomaki"),
    "Hiroshima": ("Hiroshima", "Fukuyama", "Onomichi"),
    "Saitama": ("Saitama", "Kawaguchi", "Kawagoe"),
    "Chiba": ("Chiba", "Funabashi", "Narita", "Urayasu"),
    "Shizuoka": ("Shizuoka", "Hamamatsu", "Numazu"),
}
# Most jobs are in the big cities, but every prefecture appears.
_PREFECTURE_WEIGHTS: tuple[int, ...] = tuple(
    40 if p == "Tokyo" else 12 if p == "Osaka" else 6 if p in _CITIES else 1 for p in PREFECTURES
)

_EMPLOYER_KINDS = (
    "a growing start-up", "a family-owned company", "a listed manufacturer",
    "an international school group", "a boutique hotel", "a regional bank",
    "a global consultancy", "a software company", "a logistics group", "a game studio",
    "a language school chain", "a hospital group", "a trading company", "a design agency",
    "a research institute", "a ski resort", "a sake brewery", "an e-commerce platform",
)  # fmt: skip

_DUTIES = (
    "work closely with {skill} specialists across the team",
    "take ownership of {skill} from day one",
    "help customers from overseas settle in with {skill}",
    "improve our processes around {skill} and document what you learn",
    "mentor junior colleagues in {skill}",
    "report weekly to the {city} manager on {skill}",
    "support the launch of a new service in {prefecture}",
    "prepare materials in English and Japanese",
    "join a bilingual team of about {size} people",
    "travel occasionally to partners in {other_prefecture}",
    "handle day-to-day operations with a focus on {skill}",
    "collaborate with head office on quarterly goals",
    "keep quality high during the busy {season} season",
    "contribute ideas in weekly planning meetings",
)  # fmt: skip

_OFFERS = (
    "visa support and help with the Certificate of Eligibility",
    "company housing or a housing allowance",
    "transportation costs paid in full",
    "social insurance and an annual health check",
    "paid Japanese lessons",
    "a bonus twice a year",
    "flexible working hours",
    "relocation support to {prefecture}",
    "a yearly training budget",
    "paid leave from the first year and summer holidays",
    "staff meals and uniforms",
    "a friendly, international workplace",
)  # fmt: skip

_FLAVOUR = (
    "sustainability", "tourism", "automotive", "semiconductor", "anime", "fintech",
    "healthtech", "e-commerce", "robotics", "agriculture", "seafood", "renewable energy",
    "cosmetics", "fashion", "construction", "aerospace", "pharmaceutical", "gaming",
    "edtech", "insurance", "real estate", "retail", "media", "hospitality", "railway",
    "shipbuilding", "biotech", "esports", "craft beer", "wagyu", "matcha", "onsen",
)  # fmt: skip

_SEASONS = ("spring", "summer", "autumn", "winter", "year-end", "Golden Week")
_SENIORITY = ("", "", "", "Junior ", "Senior ", "Lead ", "Bilingual ", "Trainee ")
_REMOTES: tuple[RemotePolicy, ...] = ("onsite", "hybrid", "remote")
_JAPANESE: tuple[JapaneseLevel, ...] = ("none", "N5", "N4", "N3", "N2", "N1", "native")
_ENGLISH: tuple[EnglishLevel, ...] = (
    "none",
    "basic",
    "conversational",
    "business",
    "fluent",
    "native",
)

# Yen bounds per pay period, and the step salaries are rounded to (nobody advertises
# 2,347,113 yen a year).
_SALARY: dict[SalaryPeriod, tuple[int, int, int]] = {
    "hour": (1_100, 3_500, 50),
    "month": (200_000, 600_000, 10_000),
    "year": (3_000_000, 15_000_000, 100_000),
}


_LANGUAGE_NEEDS: dict[JapaneseLevel, str] = {
    "none": "No Japanese needed",
    "N5": "Basic Japanese (JLPT N5) helps",
    "N4": "Everyday Japanese (JLPT N4)",
    "N3": "Conversational Japanese (JLPT N3)",
    "N2": "Business Japanese (JLPT N2)",
    "N1": "Fluent Japanese (JLPT N1)",
    "native": "Native-level Japanese",
}


def _cumulative(weights: Sequence[int]) -> tuple[int, ...]:
    """Cumulative weights, computed once: `rng.choices(weights=...)` redoes it per call."""
    return tuple(itertools.accumulate(weights))


_CATEGORY_CUM = _cumulative(_CATEGORY_WEIGHTS)
_JOB_TYPE_CUM = _cumulative((50, 15, 12, 8, 5, 10))
_REMOTE_CUM = _cumulative((60, 28, 12))
_PREFECTURE_CUM = _cumulative(_PREFECTURE_WEIGHTS)
_JOB_JAPANESE_CUM = _cumulative((18, 6, 12, 20, 22, 16, 6))
_JOB_ENGLISH_CUM = _cumulative((8, 10, 20, 28, 18, 16))


def _article(word: str) -> str:
    return "an" if word[:1].upper() in "AEIOU" else "a"


def _salary(rng: random.Random, period: SalaryPeriod) -> tuple[int, int]:
    low, high, step = _SALARY[period]
    steps = (high - low) // step
    first = rng.randint(0, steps * 3 // 4)
    last = min(steps, first + rng.randint(0, steps // 3))
    return low + first * step, low + last * step


def _period_for(rng: random.Random, job_type: JobType) -> SalaryPeriod:
    if job_type in ("part_time", "temporary", "internship", "freelance"):
        return "hour" if rng.random() < 0.8 else "month"
    return "year" if rng.random() < 0.65 else "month"


def synthetic_jobs(n: int, seed: int = 0) -> Iterator[JobDraft]:
    """`n` valid, varied jobs for benchmarks; the same jobs for the same seed.

    Every job is validated by JobDraft, so a benchmark never seeds data the API itself
    would refuse; validation is about a third of the cost, and 100k jobs take 3 to 5 s
    on the 2-core development machine. A generator, so the caller can insert in batches.
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not a secret)
    for _ in range(n):
        category = rng.choices(_CATEGORIES, cum_weights=_CATEGORY_CUM)[0]
        job_type = rng.choices(JOB_TYPES, cum_weights=_JOB_TYPE_CUM)[0]
        remote = rng.choices(_REMOTES, cum_weights=_REMOTE_CUM)[0]
        prefecture = rng.choices(PREFECTURES, cum_weights=_PREFECTURE_CUM)[0]
        cities = _CITIES.get(prefecture, (prefecture,))
        city = rng.choice(cities)
        title = f"{rng.choice(_SENIORITY)}{rng.choice(_TITLES[category])}"
        if remote == "remote" and rng.random() < 0.5:
            title += " (Remote)"
        skills = rng.sample(_SKILLS[category], k=min(len(_SKILLS[category]), rng.randint(2, 7)))
        japanese = rng.choices(_JAPANESE, cum_weights=_JOB_JAPANESE_CUM)[0]
        english = rng.choices(_ENGLISH, cum_weights=_JOB_ENGLISH_CUM)[0]
        period = _period_for(rng, job_type)
        salary_min, salary_max = _salary(rng, period)
        has_salary = rng.random() < 0.9
        sponsorship = job_type != "part_time" and rng.random() < 0.45
        slots = {
            "skill": rng.choice(skills),
            "city": city,
            "prefecture": prefecture,
            "other_prefecture": rng.choice(PREFECTURES),
            "size": rng.randint(4, 60),
            "season": rng.choice(_SEASONS),
        }
        # Each duty names its own skill, so one skill does not repeat through the ad.
        duties = [
            d.format(**(slots | {"skill": s}))
            for d, s in zip(rng.sample(_DUTIES, 3), rng.choices(skills, k=3), strict=True)
        ]
        offers = [o.format(**slots) for o in rng.sample(_OFFERS, 3)]
        if sponsorship:
            offers[0] = "visa sponsorship"
        industry, sideline = rng.sample(_FLAVOUR, 2)
        description = (
            f"We are {rng.choice(_EMPLOYER_KINDS)} in {city}, {prefecture}, working in "
            f"{industry} and {sideline}. We are hiring {_article(title)} {title}.\n\n"
            f"In this role you will {duties[0]}, {duties[1]}, and {duties[2]}.\n\n"
            f"We are looking for experience with {', '.join(skills)}. "
            f"{_LANGUAGE_NEEDS[japanese]}; English: {english}.\n\n"
            f"We offer {offers[0]}, {offers[1]} and {offers[2]}."
        )
        yield JobDraft(
            title=title,
            description=description,
            category=category,
            job_type=job_type,
            remote=remote,
            prefecture=None if remote == "remote" and rng.random() < 0.5 else prefecture,
            city="" if remote == "remote" else city,
            salary_min=salary_min if has_salary else None,
            salary_max=salary_max if has_salary else None,
            salary_period=period,
            japanese_required=japanese,
            english_required=english,
            visa_sponsorship=sponsorship,
            apply_from_overseas=rng.random() < (0.5 if sponsorship else 0.15),
            skills=skills,
        )


# --- synthetic profiles ---------------------------------------------------------------


@dataclass(frozen=True)
class _Culture:
    nationality: str
    given: Sequence[str]
    family: Sequence[str]
    family_first: bool
    languages: Sequence[str]


_CULTURES: tuple[_Culture, ...] = (
    _Culture("Vietnamese", ("Thảo", "Minh", "Lan", "Huy", "Trang", "Dũng", "Linh", "Quang"),
             ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ"), True, ("Vietnamese",)),
    _Culture("Chinese", ("Wei", "Jing", "Hao", "Xiu", "Lei", "Mei", "Yang", "Lin"),
             ("Wang", "Li", "Zhang", "Liu", "Chen", "Zhao"), True, ("Mandarin Chinese",)),
    _Culture("Korean", ("Ji-woo", "Min-jun", "Seo-yeon", "Ha-eun", "Do-hyun", "Su-bin"),
             ("Kim", "Lee", "Park", "Choi", "Jung", "Kang"), True, ("Korean",)),
    _Culture("Filipino", ("Maria", "Jose", "Angelica", "Mark", "Kristine", "Paolo"),
             ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza"), False,
             ("Tagalog",)),
    _Culture("Indian", ("Priya", "Arjun", "Ananya", "Rahul", "Divya", "Vikram", "Sneha"),
             ("Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta"), False,
             ("Hindi", "Tamil")),
    _Culture("Indonesian", ("Putri", "Budi", "Ayu", "Rizky", "Dewi", "Agus"),
             ("Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat"), False,
             ("Indonesian",)),
    _Culture("Nepali", ("Sita", "Ram", "Anjali", "Bikash", "Puja", "Suman"),
             ("Shrestha", "Gurung", "Thapa", "Rai", "Tamang"), False, ("Nepali",)),
    _Culture("Brazilian", ("João", "Ana", "Lucas", "Beatriz", "Rafael", "Camila"),
             ("Silva", "Souza", "Oliveira", "Pereira", "Costa", "Nakamura"), False,
             ("Portuguese",)),
    _Culture("American", ("Emily", "Michael", "Sarah", "David", "Jessica", "Tyler"),
             ("Johnson", "Williams", "Brown", "Miller", "Davis", "Walker"), False, ()),
    _Culture("British", ("Oliver", "Charlotte", "Harry", "Amelia", "George", "Sophie"),
             ("Smith", "Taylor", "Evans", "Wright", "Hughes", "Clarke"), False, ()),
    _Culture("French", ("Camille", "Léa", "Hugo", "Chloé", "Théo", "Manon"),
             ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard"), False,
             ("French",)),
    _Culture("German", ("Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie"),
             ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker"), False,
             ("German",)),
    _Culture("Nigerian", ("Chinedu", "Ngozi", "Tunde", "Aisha", "Emeka", "Funmilayo"),
             ("Okafor", "Adeyemi", "Bello", "Eze", "Ogunleye"), False, ("Yoruba", "Igbo")),
    _Culture("Mexican", ("Sofía", "Diego", "Valentina", "Mateo", "Ximena", "Santiago"),
             ("Hernández", "López", "González", "Ramírez", "Torres"), False, ("Spanish",)),
    _Culture("Thai", ("Somchai", "Nattaya", "Kittisak", "Ploy", "Anan", "Siriporn"),
             ("Srisuk", "Chaiyaporn", "Wongsa", "Boonmee", "Thongdee"), False, ("Thai",)),
    _Culture("Mongolian", ("Bat-Erdene", "Oyunchimeg", "Ganbold", "Saruul"),
             ("Bold", "Dorj", "Enkhbayar", "Tseren"), False, ("Mongolian",)),
)  # fmt: skip

# Where a candidate who does not live in Japan yet lives instead.
_COUNTRY = {
    "Vietnamese": "Vietnam", "Chinese": "China", "Korean": "South Korea",
    "Filipino": "Philippines", "Indian": "India", "Indonesian": "Indonesia",
    "Nepali": "Nepal", "Brazilian": "Brazil", "American": "United States",
    "British": "United Kingdom", "French": "France", "German": "Germany",
    "Nigerian": "Nigeria", "Mexican": "Mexico", "Thai": "Thailand", "Mongolian": "Mongolia",
}  # fmt: skip

_GENDERS: tuple[Gender | None, ...] = ("female", "male", "female", "male", "non_binary", None)

_MAIL_DOMAINS = ("mail.example", "post.example", "inbox.example", "webmail.example")

_PAST_EMPLOYERS = (
    "Aozora Trading", "Hikari Electronics", "Tanpopo Foods", "Kumo Cloud Services",
    "Minato Hotels", "Fujimi Logistics", "Nami Software", "Yamabiko Academy",
    "Sumire Cosmetics", "Hoshizora Games", "Kaede Consulting", "Tsubasa Motors",
    "Midori Pharma", "Shiokaze Resort", "Ginga Bank", "Hanabi Media",
)  # fmt: skip

_STREETS = ("Chuo", "Honcho", "Sakaemachi", "Higashi", "Nishiki", "Asahicho", "Midoricho")

_VISAS: tuple[VisaStatus, ...] = VISA_STATUSES
_VISA_WEIGHTS = (30, 28, 5, 10, 8, 7, 8, 2, 2)

_EDUCATION: tuple[EducationLevel, ...] = (
    "secondary",
    "vocational",
    "associate",
    "bachelor",
    "master",
    "doctorate",
)
_FIELDS = (
    "Computer Science", "Japanese Studies", "Business Administration", "Mechanical "
    "Engineering", "Hospitality Management", "Linguistics", "Economics", "Nursing",
    "Graphic Design", "Education", "Chemistry", "International Relations", "Marketing",
)  # fmt: skip
_SCHOOLS = (
    "University of the North Coast", "Riverside Technical College", "Capital City "
    "University", "Lakeside Institute of Technology", "Mountain View Polytechnic",
    "Harbour College", "National University of the South",
)  # fmt: skip

_HEADLINES = (
    "{title} with {years} years of experience in {skill}",
    "{title} | {skill}, {skill2} | JLPT {japanese}",
    "Bilingual {title} looking for a new challenge in {prefecture}",
    "{title} focused on {skill} and {skill2}",
    "Experienced {title} ({years} yrs), moving to Japan",
    "{title} and {interest} enthusiast",
)  # fmt: skip

_SUMMARIES = (
    "I have worked as a {title} for {years} years, mostly with {skill} and {skill2}.",
    "My strengths are {skill}, clear communication and working across cultures.",
    "I came to Japan to study and would like to build my career in {prefecture}.",
    "Outside work I enjoy {interest} and learning Japanese.",
    "I am looking for a team where I can grow in {skill2} and help colleagues abroad.",
    "Recently I led a small project on {skill} that cut processing time noticeably.",
    "I am comfortable in fast-paced environments and happy to work shifts.",
)  # fmt: skip

_INTERESTS = (
    "hiking", "photography", "anime", "cooking", "cycling", "football", "karaoke",
    "calligraphy", "skiing", "open source", "volunteering", "travel", "tea ceremony",
    "running", "board games", "music", "reading", "diving", "gardening",
)  # fmt: skip

_PROFILE_JAPANESE_CUM = _cumulative((8, 10, 16, 24, 24, 14, 4))
_EDUCATION_CUM = _cumulative((8, 12, 6, 50, 20, 4))
_PROFILE_ENGLISH_CUM = _cumulative((3, 10, 25, 30, 20, 12))
_VISA_CUM = _cumulative(_VISA_WEIGHTS)

# A fixed "today" for profiles, so the same seed gives the same profiles on any day
# (birth dates, experience months and start dates are computed from it).
_PROFILE_EPOCH = dt.date(2025, 4, 1)


def _ascii(text: str) -> str:
    """Fold a name to the ASCII letters an e-mail local part can carry ("Lefèvre")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def _months_back(months: int) -> str:
    total = _PROFILE_EPOCH.year * 12 + _PROFILE_EPOCH.month - 1 - months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"


def _experience(rng: random.Random, category: JobCategory) -> list[ExperienceEntry]:
    entries: list[ExperienceEntry] = []
    end_back = 0 if rng.random() < 0.7 else rng.randint(1, 12)
    current = end_back == 0
    for _ in range(rng.randint(1, 4)):
        length = rng.randint(6, 60)
        start_back = end_back + length
        field = category if rng.random() < 0.75 else rng.choice(_CATEGORIES)
        title = rng.choice(_TITLES[field])
        skills = rng.sample(_SKILLS[field], 2)
        duty = rng.choice(_DUTIES).format(
            skill=skills[0],
            city="local",
            prefecture="the region",
            other_prefecture="other regions",
            size=rng.randint(3, 40),
            season=rng.choice(_SEASONS),
        )
        entries.append(
            ExperienceEntry(
                title=title,
                company=rng.choice(_PAST_EMPLOYERS),
                industry=rng.choice(_FLAVOUR),
                start=_months_back(start_back),
                end=None if current else _months_back(end_back),
                description=f"Worked as {title} using {skills[0]} and {skills[1]}; {duty}.",
            )
        )
        current = False
        end_back = start_back + rng.randint(0, 6)
    return entries


def synthetic_profiles(n: int, seed: int = 0) -> Iterator[Profile]:
    """`n` valid, varied candidate profiles; the same profiles for the same seed.

    E-mail addresses carry the profile's index, so one run never repeats one (the
    server makes them account names); they are all under `.example`. Validation
    (e-mail syntax, phone parsing) makes this slower than jobs: about 3,000 profiles a
    second, so 100k take half a minute.
    """
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not a secret)
    for index in range(n):
        culture = rng.choice(_CULTURES)
        given, family = rng.choice(culture.given), rng.choice(culture.family)
        full_name = f"{family} {given}" if culture.family_first else f"{given} {family}"
        email = f"{_ascii(given)}.{_ascii(family)}.{index}@{rng.choice(_MAIL_DOMAINS)}"
        category = rng.choices(_CATEGORIES, cum_weights=_CATEGORY_CUM)[0]
        prefecture = rng.choices(PREFECTURES, cum_weights=_PREFECTURE_CUM)[0]
        city = rng.choice(_CITIES.get(prefecture, (prefecture,)))
        skills = rng.sample(_SKILLS[category], k=min(len(_SKILLS[category]), rng.randint(3, 10)))
        experience = _experience(rng, category)
        years = max(1, round(sum(e.years(_PROFILE_EPOCH) for e in experience)))
        japanese = rng.choices(_JAPANESE, cum_weights=_PROFILE_JAPANESE_CUM)[0]
        interests = rng.sample(_INTERESTS, rng.randint(1, 4))
        slots = {
            "title": experience[0].title,
            "years": years,
            "skill": skills[0],
            "skill2": skills[-1],
            "japanese": japanese if japanese.startswith("N") else "N3",
            "prefecture": prefecture,
            "interest": interests[0],
        }
        lives_in_japan = rng.random() < 0.8
        yield Profile(
            identity=Identity(
                full_name=full_name,
                email=email,
                phone=(
                    f"0{rng.choice('789')}0-{rng.randint(1000, 9999)}-{rng.randint(0, 9999):04d}"
                    if lives_in_japan and rng.random() < 0.7
                    else None
                ),
                address=(
                    PostalAddress(
                        postal_code=f"{rng.randint(100, 999)}-{rng.randint(0, 9999):04d}",
                        prefecture=prefecture,
                        city=city,
                        street=f"{rng.choice(_STREETS)} {rng.randint(1, 9)}-{rng.randint(1, 30)}"
                        f"-{rng.randint(1, 20)}",
                    )
                    if lives_in_japan and rng.random() < 0.6
                    else None
                ),
                current_company=experience[0].company if experience[0].end is None else None,
            ),
            location=(
                Location(prefecture=prefecture, city=city)
                if lives_in_japan
                else Location(country=_COUNTRY[culture.nationality])
            ),
            headline=rng.choice(_HEADLINES).format(**slots)[:120],
            summary=" ".join(s.format(**slots) for s in rng.sample(_SUMMARIES, 3)),
            skills=skills,
            experience=experience,
            education=[
                Education(
                    level=rng.choices(_EDUCATION, cum_weights=_EDUCATION_CUM)[0],
                    school=rng.choice(_SCHOOLS),
                    field=rng.choice(_FIELDS),
                    graduation_year=int(experience[-1].start[:4]) - rng.randint(0, 2),
                )
            ],
            languages=Languages(
                japanese=japanese,
                english=rng.choices(_ENGLISH, cum_weights=_PROFILE_ENGLISH_CUM)[0],
                other=list(culture.languages),
            ),
            visa_status=(
                rng.choices(_VISAS, cum_weights=_VISA_CUM)[0]
                if lives_in_japan
                else "needs_sponsorship"
            ),
            preferences=Preferences(
                desired_jobs=rng.sample(_TITLES[category], rng.randint(1, 3)),
                job_types=rng.sample(JOB_TYPES, rng.randint(1, 3)),
                prefectures=rng.sample(PREFECTURES, rng.randint(0, 3)),
                remote=rng.sample(_REMOTES, rng.randint(0, 3)),
                min_salary_jpy=rng.randrange(2_400_000, 12_000_000, 100_000)
                if rng.random() < 0.7
                else None,
                start_date=_PROFILE_EPOCH + dt.timedelta(days=rng.randint(0, 240)),
                interests=interests,
            ),
            demographics=Demographics(
                birth_date=_PROFILE_EPOCH - dt.timedelta(days=rng.randint(21 * 365, 58 * 365)),
                gender=rng.choice(_GENDERS),
                nationality=culture.nationality,
            ),
        )
