"""The hand-written job ads of the local demo platform.

Every company, address and ad here is fictional; the ads exist so that a new user of
the embedded platform has something real-looking to search, filter, save and apply to.
`demo.py` pairs each list with its employer. Each function takes `today` because the
few ads with a closing date must close in the future whenever the demo is seeded.
"""

from __future__ import annotations

import datetime as dt
import textwrap

from gpseeker.core.models import JobDraft

Posted = tuple[JobDraft, int]
"""A job and how many days ago it was posted."""


def ad(text: str) -> str:
    """Turn an indented, hard-wrapped ad into paragraphs separated by blank lines.

    Writing the ads as wrapped triple-quoted text keeps this file readable; the wire
    text must not carry the source's line breaks, except before "- " list items.
    """
    paragraphs = []
    for block in textwrap.dedent(text).strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if lines and not line.startswith("- "):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _in(today: dt.date, days: int) -> dt.date:
    return today + dt.timedelta(days=days)


def sakura_systems(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Backend Engineer (Python)",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Shibuya",
                salary_min=6_500_000,
                salary_max=9_500_000,
                salary_period="year",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Python", "FastAPI", "PostgreSQL", "AWS", "Docker"],
                description=ad("""
                    Sakura Systems builds the ordering and stock platform used by about
                    2,000 restaurants across Japan. Our backend team of nine (five
                    nationalities) owns the APIs that kitchens hit every evening rush.

                    What you'll do:
                    - design and ship services in Python (FastAPI) on PostgreSQL
                    - own features from the first sketch to the on-call rota
                    - review code and help us pay down a few years of hurried decisions

                    You have three or more years of backend work in production, are at ease
                    with SQL and can explain a trade-off in writing. Our stand-ups are in
                    English, but shops call us in Japanese, so conversational Japanese
                    (around JLPT N3) is needed.

                    We sponsor work visas, pay for the move to Tokyo, and give you two
                    office days a week in Shibuya. Flextime, 20 days of paid leave from
                    year one, and a yearly learning budget of 150,000 yen.
                """),
            ),
            3,
        ),
        (
            JobDraft(
                title="Frontend Engineer (TypeScript, React)",
                category="it",
                job_type="full_time",
                remote="remote",
                prefecture="Tokyo",
                salary_min=5_500_000,
                salary_max=8_000_000,
                salary_period="year",
                japanese_required="none",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=False,
                skills=["TypeScript", "React", "Next.js", "Accessibility", "Testing Library"],
                description=ad("""
                    Our restaurant customers run their kitchens on tablets that are old,
                    greasy and shared by six people. We need someone who cares about making
                    a busy screen calm and fast.

                    You will rebuild the order board in React and TypeScript, add keyboard
                    and screen-reader support to our design system, and keep the bundle
                    small enough for a five-year-old Android tablet.

                    The team works in English and no Japanese is required. The role is
                    fully remote, but you need to live in Japan (we can sponsor a visa
                    change for people already here). We meet in Tokyo once a quarter, travel
                    paid.
                """),
            ),
            12,
        ),
        (
            JobDraft(
                title="Site Reliability Engineer",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Shibuya",
                salary_min=7_500_000,
                salary_max=11_000_000,
                salary_period="year",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Kubernetes", "Terraform", "AWS", "Prometheus", "Linux"],
                description=ad("""
                    We process a large share of Friday-night restaurant orders in Japan,
                    and an outage then is very visible. Join our three-person SRE team and
                    help us keep the platform boring.

                    You will run our Kubernetes clusters on AWS with Terraform, tune alerts
                    so that a page means something, and lead the post-mortems. On-call is
                    one week in four, paid separately.

                    Japanese around N2 matters here: you will talk with our Japanese payment
                    partners during incidents. Relocation support and visa sponsorship
                    included.
                """),
            ),
            25,
        ),
        (
            JobDraft(
                title="QA Engineer (6-month contract)",
                category="it",
                job_type="contract",
                remote="onsite",
                prefecture="Tokyo",
                city="Shibuya",
                salary_min=400_000,
                salary_max=520_000,
                salary_period="month",
                japanese_required="N3",
                english_required="conversational",
                skills=["Test planning", "Playwright", "Manual testing", "Jira"],
                description=ad("""
                    We are launching our product in Taiwan and Korea next spring and need
                    another pair of careful eyes for six months, with a possible extension.

                    You will write test plans for the multi-currency release, automate the
                    happy paths with Playwright, and test the rest by hand on the real
                    tablets our customers use, in our Shibuya office.

                    You need a visa that lets you work in Japan already; this contract does
                    not include sponsorship.
                """),
            ),
            40,
        ),
        (
            JobDraft(
                title="Bilingual Customer Success Manager",
                category="customer_support",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Shibuya",
                salary_min=4_500_000,
                salary_max=6_500_000,
                salary_period="year",
                japanese_required="N1",
                english_required="business",
                visa_sponsorship=True,
                skills=["Customer success", "SaaS", "Onboarding", "Salesforce"],
                description=ad("""
                    Restaurant chains choose us because someone answers the phone. As a
                    Customer Success Manager you look after 60 accounts, from a family
                    ramen shop to a chain of 140 izakaya.

                    You will onboard new customers, run quarterly reviews in Japanese, and
                    bring what you hear back to the product team in English. Some visits to
                    customers in Kanto, travel paid.

                    Native-level or N1 Japanese and business English are essential. We
                    sponsor visas for candidates already in Japan or abroad.
                """),
            ),
            7,
        ),
        (
            JobDraft(
                title="Software Engineering Intern (Summer)",
                category="it",
                job_type="internship",
                remote="hybrid",
                prefecture="Tokyo",
                city="Shibuya",
                salary_min=1_500,
                salary_max=1_800,
                salary_period="hour",
                japanese_required="N5",
                english_required="conversational",
                skills=["Python", "Git", "SQL"],
                closes_at=_in(today, 20),
                description=ad("""
                    A paid eight-week internship for university students who already live
                    in Japan (student visa holders welcome, within your permitted hours).

                    You will ship one real feature with a mentor, join code review, and
                    present your work to the company at the end. Last year's interns built
                    our allergy filter and the printer queue monitor.

                    Bring some Python, curiosity, and a little Japanese for lunch. Applications
                    close on the date shown.
                """),
            ),
            5,
        ),
        (
            JobDraft(
                title="Product Designer (UX)",
                category="design",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Shibuya",
                salary_min=6_000_000,
                salary_max=8_500_000,
                salary_period="year",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Figma", "User research", "Interaction design", "Design systems"],
                description=ad("""
                    Our product is used standing up, with wet hands, during the busiest
                    hour of the day. We are looking for a designer who wants to spend time
                    in kitchens before opening Figma.

                    You will run field research with Japanese restaurant staff, design the
                    next version of the order board, and keep our design system honest.

                    N2 Japanese is needed for the research. Visa sponsorship and relocation
                    to Tokyo are included, plus a hardware budget of your choice.
                """),
            ),
            18,
        ),
        (
            JobDraft(
                title="Data Engineer",
                category="it",
                job_type="full_time",
                remote="remote",
                salary_min=7_000_000,
                salary_max=10_000_000,
                salary_period="year",
                japanese_required="N4",
                english_required="fluent",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Python", "dbt", "BigQuery", "Airflow", "SQL"],
                description=ad("""
                    Our customers want to know which dishes sell on rainy Tuesdays. Help us
                    build the pipelines that answer them.

                    You will move our nightly batch jobs to dbt and BigQuery, model sales
                    and stock data, and make reports restaurants can trust. Remote from
                    anywhere in Japan, with visa sponsorship for people moving here.
                """),
            ),
            1,
        ),
    ]


def azumino_ryokan(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Front Desk Staff (Japanese / English)",
                category="hospitality",
                job_type="full_time",
                remote="onsite",
                prefecture="Nagano",
                city="Hakuba",
                salary_min=230_000,
                salary_max=270_000,
                salary_period="month",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Reception", "Reservations", "Customer service"],
                description=ad("""
                    Our Hakuba inn has 42 rooms, two outdoor baths and guests from more
                    than 30 countries each winter. We are looking for front desk staff who
                    enjoy explaining onsen etiquette with a smile.

                    You will check guests in and out, take reservations by phone and e-mail,
                    and help with dinner service at busy times. Shifts rotate between
                    early and late.

                    Staff housing is provided at 20,000 yen a month, utilities included,
                    with meals during shifts. We sponsor work visas and support your move.
                """),
            ),
            2,
        ),
        (
            JobDraft(
                title="Winter Seasonal Guest Services Staff",
                category="hospitality",
                job_type="temporary",
                remote="onsite",
                prefecture="Nagano",
                city="Hakuba",
                salary_min=1_300,
                salary_max=1_500,
                salary_period="hour",
                japanese_required="N4",
                english_required="conversational",
                apply_from_overseas=True,
                skills=["Housekeeping", "Restaurant service", "Teamwork"],
                closes_at=_in(today, 30),
                description=ad("""
                    December to March in the Japanese Alps. We hire about 25 seasonal staff
                    every winter for our two Hakuba inns: restaurant service, housekeeping,
                    and a bit of everything on busy weekends.

                    Working holiday visa holders are very welcome and you can apply from
                    abroad; we do not sponsor visas for seasonal roles. Shared staff
                    housing, a season lift pass and a completion bonus are included.
                """),
            ),
            9,
        ),
        (
            JobDraft(
                title="Kitchen Assistant (Kaiseki Cuisine)",
                category="hospitality",
                job_type="full_time",
                remote="onsite",
                prefecture="Nagano",
                city="Azumino",
                salary_min=210_000,
                salary_max=240_000,
                salary_period="month",
                japanese_required="N4",
                english_required="none",
                visa_sponsorship=True,
                skills=["Food preparation", "Knife skills", "Food hygiene"],
                description=ad("""
                    Learn seasonal kaiseki cooking under our head chef, who has run the
                    kitchen at our Azumino inn for 22 years.

                    You will prepare vegetables and fish, plate the courses of the evening
                    meal, and keep the kitchen spotless. The kitchen speaks Japanese only,
                    so you need basic everyday Japanese (around N4).

                    Applicants for the Specified Skilled Worker (food service) visa are
                    welcome; we handle the paperwork. Dormitory room available.
                """),
            ),
            16,
        ),
        (
            JobDraft(
                title="Inbound Sales & Marketing Coordinator",
                category="marketing",
                job_type="full_time",
                remote="hybrid",
                prefecture="Nagano",
                city="Matsumoto",
                salary_min=3_800_000,
                salary_max=4_800_000,
                salary_period="year",
                japanese_required="N2",
                english_required="fluent",
                visa_sponsorship=True,
                skills=["Digital marketing", "OTA management", "Instagram", "Copywriting"],
                description=ad("""
                    Half of our guests now book from abroad. We want someone to tell our
                    story to travellers in Australia, the United States and Southeast Asia.

                    You will manage our listings on booking sites, write English content
                    for the website and social media, and work with travel agents at trade
                    fairs. Three days a week at our Matsumoto office, two from home.

                    Fluent English and N2 Japanese required. Visa sponsorship available.
                """),
            ),
            30,
        ),
        (
            JobDraft(
                title="Part-time Housekeeping Staff",
                category="hospitality",
                job_type="part_time",
                remote="onsite",
                prefecture="Nagano",
                city="Karuizawa",
                salary_min=1_150,
                salary_max=1_300,
                salary_period="hour",
                japanese_required="none",
                english_required="none",
                skills=["Housekeeping", "Attention to detail"],
                description=ad("""
                    Morning shifts (10:00 to 14:00) at our Karuizawa villa, three to five
                    days a week. No experience and no Japanese needed: we show you
                    everything on your first days.

                    You need a residence status that allows part-time work. Transport
                    allowance paid.
                """),
            ),
            45,
        ),
        (
            JobDraft(
                title="Night Manager",
                category="hospitality",
                job_type="full_time",
                remote="onsite",
                prefecture="Nagano",
                city="Matsumoto",
                salary_min=280_000,
                salary_max=330_000,
                salary_period="month",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                skills=["Hotel operations", "Night audit", "Team leadership"],
                description=ad("""
                    You are in charge of the inn from 22:00 to 07:00: the night audit,
                    late arrivals, the odd lost key and, once in a while, an emergency.

                    We are looking for two or more years of hotel experience, calm under
                    pressure, and N2 Japanese. Night allowance on top of the salary, four
                    nights on and three off.
                """),
            ),
            52,
        ),
        (
            JobDraft(
                title="Freelance Nature and Culture Guide",
                category="hospitality",
                job_type="freelance",
                remote="onsite",
                prefecture="Nagano",
                city="Azumino",
                salary_min=2_500,
                salary_max=3_500,
                salary_period="hour",
                japanese_required="N3",
                english_required="fluent",
                skills=["Guiding", "Hiking", "Storytelling", "First aid"],
                description=ad("""
                    Lead small groups of our guests on walks through wasabi farms, shrines
                    and the foothills of the Northern Alps.

                    You set your own availability; we book the tours and pay per hour
                    guided. A national guide interpreter licence is a plus, a first-aid
                    certificate is required.
                """),
            ),
            21,
        ),
        (
            JobDraft(
                title="Hospitality Management Intern",
                category="hospitality",
                job_type="internship",
                remote="onsite",
                prefecture="Nagano",
                city="Hakuba",
                salary_min=200_000,
                salary_max=200_000,
                salary_period="month",
                japanese_required="N3",
                english_required="business",
                apply_from_overseas=True,
                skills=["Hospitality", "Revenue management", "Operations"],
                closes_at=_in(today, 28),
                description=ad("""
                    A six-month paid internship for hospitality students, rotating through
                    front desk, restaurant, housekeeping and our revenue office.

                    We accept students from partner schools abroad through a designated
                    activities visa; we prepare the documents with your school. Housing
                    and meals are included.
                """),
            ),
            8,
        ),
    ]


def kotoba_bridge(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="English Instructor (Full-time, Saitama)",
                category="teaching",
                job_type="full_time",
                remote="onsite",
                prefecture="Saitama",
                city="Omiya",
                salary_min=250_000,
                salary_max=280_000,
                salary_period="month",
                japanese_required="none",
                english_required="native",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["ESL teaching", "Lesson planning", "Classroom management"],
                description=ad("""
                    Kotoba Bridge runs 38 small English schools in Kanto, Tohoku and
                    Chugoku. Our Omiya school teaches children after school and adults in
                    the evening, in groups of up to six.

                    You will teach about 25 lessons a week from our curriculum, talk with
                    parents at open days, and help plan seasonal events.

                    A bachelor's degree (any subject) and native-level English are required
                    for the visa. No Japanese needed. We sponsor the visa, arrange your
                    first apartment, and pay for initial training in Tokyo.
                """),
            ),
            4,
        ),
        (
            JobDraft(
                title="Part-time Kids English Teacher",
                category="teaching",
                job_type="part_time",
                remote="onsite",
                prefecture="Kanagawa",
                city="Yokohama",
                salary_min=1_800,
                salary_max=2_400,
                salary_period="hour",
                japanese_required="N5",
                english_required="native",
                skills=["Teaching children", "Phonics", "Games"],
                description=ad("""
                    Weekday afternoons and Saturday mornings teaching children aged three
                    to twelve at our Yokohama school. Songs, phonics, and a lot of energy.

                    You need a visa that allows you to work (spouse visa, permanent
                    residence, or permission for extra activities). Experience with
                    children is more important than a teaching certificate.
                """),
            ),
            10,
        ),
        (
            JobDraft(
                title="English Instructor (Sendai)",
                category="teaching",
                job_type="full_time",
                remote="onsite",
                prefecture="Miyagi",
                city="Sendai",
                salary_min=255_000,
                salary_max=275_000,
                salary_period="month",
                japanese_required="none",
                english_required="native",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["ESL teaching", "TEFL", "Adult education"],
                closes_at=_in(today, 25),
                description=ad("""
                    Sendai is a green city of a million people, an hour and a half from
                    Tokyo by shinkansen, with mountains and the sea nearby. Our two Sendai
                    schools are hiring for the April intake.

                    Teaching is mostly adults: business English for local companies and
                    conversation classes. A TEFL or CELTA certificate is a plus.

                    Visa sponsorship, a furnished apartment for the first year, and paid
                    training. Interviews by video for applicants abroad.
                """),
            ),
            14,
        ),
        (
            JobDraft(
                title="Head Teacher (Hiroshima)",
                category="teaching",
                job_type="full_time",
                remote="onsite",
                prefecture="Hiroshima",
                city="Hiroshima",
                salary_min=300_000,
                salary_max=340_000,
                salary_period="month",
                japanese_required="N3",
                english_required="native",
                visa_sponsorship=True,
                skills=["Teacher training", "ESL teaching", "Scheduling"],
                description=ad("""
                    Lead a team of five teachers at our Hiroshima school. You will teach
                    about 15 lessons a week, observe and coach your colleagues, and be the
                    link between teachers and the Japanese school manager.

                    Two years of teaching in Japan and conversational Japanese (around N3)
                    are required.
                """),
            ),
            27,
        ),
        (
            JobDraft(
                title="Online English Tutor (Freelance)",
                category="teaching",
                job_type="freelance",
                remote="remote",
                salary_min=1_600,
                salary_max=2_200,
                salary_period="hour",
                japanese_required="none",
                english_required="fluent",
                apply_from_overseas=True,
                skills=["Online teaching", "Business English", "Zoom"],
                description=ad("""
                    Teach one-to-one video lessons to our adult students in Japan from
                    wherever you live. You choose your hours in our booking system; most
                    demand is 19:00 to 23:00 Japan time and weekend mornings.

                    Payment per lesson taught, monthly by bank transfer or international
                    transfer. A quiet room, a stable connection and a headset are all the
                    equipment you need.
                """),
            ),
            6,
        ),
        (
            JobDraft(
                title="Curriculum Developer (Contract)",
                category="teaching",
                job_type="contract",
                remote="hybrid",
                prefecture="Tokyo",
                city="Ikebukuro",
                salary_min=350_000,
                salary_max=420_000,
                salary_period="month",
                japanese_required="N3",
                english_required="native",
                visa_sponsorship=True,
                skills=["Curriculum design", "Materials writing", "CEFR"],
                description=ad("""
                    A one-year contract to rewrite our adult course books for CEFR levels
                    A2 to B2, working with our academic director at head office in
                    Ikebukuro two days a week.

                    You have written teaching materials before and can show us a sample.
                    Renewal is likely.
                """),
            ),
            33,
        ),
        (
            JobDraft(
                title="School Receptionist and Student Counsellor",
                category="customer_support",
                job_type="part_time",
                remote="onsite",
                prefecture="Chiba",
                city="Funabashi",
                salary_min=1_250,
                salary_max=1_400,
                salary_period="hour",
                japanese_required="N2",
                english_required="conversational",
                skills=["Reception", "Sales", "Scheduling"],
                description=ad("""
                    Welcome new students, explain our courses to parents in Japanese, and
                    keep the lesson schedule in order at our Funabashi school. Afternoons
                    and Saturdays, about 20 hours a week.

                    You need N2 Japanese and a residence status that allows
                    part-time work. Paid training, transport allowance, and free
                    English lessons at any of our schools.
                """),
            ),
            19,
        ),
        (
            JobDraft(
                title="Bilingual Teacher Recruiter",
                category="other",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Ikebukuro",
                salary_min=4_000_000,
                salary_max=5_500_000,
                salary_period="year",
                japanese_required="N2",
                english_required="native",
                visa_sponsorship=True,
                skills=["Recruiting", "Interviewing", "Immigration paperwork"],
                description=ad("""
                    You once moved to Japan to teach; now help the next teachers do it
                    well. You will interview candidates worldwide by video, guide them
                    through the Certificate of Eligibility process, and welcome them when
                    they land.

                    Experience teaching in Japan and N2 Japanese are required.
                """),
            ),
            38,
        ),
    ]


def hakata_pixel(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Unity Game Programmer",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Fukuoka",
                city="Fukuoka",
                salary_min=5_000_000,
                salary_max=8_000_000,
                salary_period="year",
                japanese_required="N3",
                english_required="conversational",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Unity", "C#", "Gameplay programming", "Mobile games"],
                description=ad("""
                    Hakata Pixel Works is an 80-person studio making mobile and console
                    games, two minutes from Tenjin station. Our current project is a cosy
                    fishing RPG for Switch and smartphones.

                    You will build gameplay systems in Unity and C#, profile on real
                    devices, and work every day with designers and artists.

                    We sponsor visas and pay relocation to Fukuoka, a city with short
                    commutes, great food, and an airport fifteen minutes from downtown.
                """),
            ),
            8,
        ),
        (
            JobDraft(
                title="3D Character Artist",
                category="design",
                job_type="full_time",
                remote="onsite",
                prefecture="Fukuoka",
                city="Fukuoka",
                salary_min=4_500_000,
                salary_max=7_000_000,
                salary_period="year",
                japanese_required="N4",
                english_required="conversational",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Maya", "ZBrush", "Substance Painter", "Stylised art"],
                description=ad("""
                    Model and texture the characters of our next title, from concept art
                    to in-game assets that run on a phone.

                    Please send a portfolio with stylised characters and their wireframes.
                    Our art team uses Japanese and simple English side by side; some
                    everyday Japanese helps. Visa sponsorship available.
                """),
            ),
            15,
        ),
        (
            JobDraft(
                title="Localization QA Tester (English)",
                category="translation",
                job_type="contract",
                remote="onsite",
                prefecture="Fukuoka",
                city="Fukuoka",
                salary_min=1_400,
                salary_max=1_700,
                salary_period="hour",
                japanese_required="N2",
                english_required="native",
                skills=["Localization", "Proofreading", "Bug reporting", "Gaming"],
                description=ad("""
                    Play our games before anyone else and make sure the English reads as
                    if it was written in English. You will check text in context, report
                    bugs clearly, and suggest better translations to our localization lead.

                    Three-month renewable contract, weekdays 10:00 to 19:00 in our studio.
                    You need a visa that allows you to work in Japan.
                """),
            ),
            3,
        ),
        (
            JobDraft(
                title="Game Designer (Live Operations)",
                category="design",
                job_type="full_time",
                remote="hybrid",
                prefecture="Fukuoka",
                city="Fukuoka",
                salary_min=5_500_000,
                salary_max=7_500_000,
                salary_period="year",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                skills=["Game design", "Live ops", "Data analysis", "Excel"],
                description=ad("""
                    Plan the monthly events that keep our players coming back, balance the
                    economy with data, and write clear specs for the team.

                    Experience running a live game is required. Our planning meetings are
                    held in Japanese.
                """),
            ),
            29,
        ),
        (
            JobDraft(
                title="Community Manager (English, Remote)",
                category="marketing",
                job_type="part_time",
                remote="remote",
                salary_min=1_800,
                salary_max=2_300,
                salary_period="hour",
                japanese_required="N3",
                english_required="native",
                apply_from_overseas=True,
                skills=["Community management", "Discord", "Social media", "Writing"],
                description=ad("""
                    Be the voice of our games for English-speaking players: run our Discord,
                    write patch notes and social posts, and bring player feedback to the
                    studio each week.

                    About 20 hours a week, remote from anywhere, with some evening and
                    weekend moderation. Contract through our payroll partner for people
                    outside Japan.
                """),
            ),
            11,
        ),
        (
            JobDraft(
                title="Technical Artist Intern",
                category="design",
                job_type="internship",
                remote="onsite",
                prefecture="Fukuoka",
                city="Fukuoka",
                salary_min=1_200,
                salary_max=1_400,
                salary_period="hour",
                japanese_required="N3",
                english_required="basic",
                skills=["Shaders", "Houdini", "Python", "Unity"],
                closes_at=_in(today, 14),
                description=ad("""
                    A three-month internship for students of games or computer graphics.
                    Write shaders and tools, help artists get their work into the engine,
                    and finish with a small project of your own.

                    Open to students at universities and vocational schools in
                    Japan. We pay transport, lend you a workstation, and the
                    best interns are offered a full-time role after graduation.
                """),
            ),
            0,
        ),
        (
            JobDraft(
                title="Server Engineer (Go)",
                category="it",
                job_type="full_time",
                remote="remote",
                prefecture="Fukuoka",
                salary_min=6_000_000,
                salary_max=9_000_000,
                salary_period="year",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                skills=["Go", "gRPC", "MySQL", "Redis", "GCP"],
                description=ad("""
                    Our game servers handle a million players on event days. Help us build
                    matchmaking and inventory services in Go on Google Cloud.

                    Fully remote within Japan, with a monthly team day in Fukuoka (travel
                    covered). Visa sponsorship available for applicants already in Japan.
                """),
            ),
            47,
        ),
    ]


def yukiguni_resort(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Ski and Snowboard Instructor (Winter Season)",
                category="teaching",
                job_type="temporary",
                remote="onsite",
                prefecture="Hokkaido",
                city="Kutchan",
                salary_min=1_800,
                salary_max=2_600,
                salary_period="hour",
                japanese_required="none",
                english_required="fluent",
                apply_from_overseas=True,
                skills=["Ski instruction", "Snowboard instruction", "Teaching children"],
                closes_at=_in(today, 40),
                description=ad("""
                    Teach guests from all over Asia and Australia on some of the lightest
                    powder in the world, from mid-December to the end of March.

                    You need an instructor qualification (CSIA, PSIA, BASI, NZSIA, APSI,
                    CASI or similar) at level 1 or above. Private lessons pay the higher
                    rate.

                    We do not sponsor visas for the season: working holiday visa holders
                    are our main hires, and you can apply from abroad. Shared staff
                    accommodation and a season pass are included.
                """),
            ),
            5,
        ),
        (
            JobDraft(
                title="Lift Operations Staff",
                category="hospitality",
                job_type="temporary",
                remote="onsite",
                prefecture="Hokkaido",
                city="Kutchan",
                salary_min=1_200,
                salary_max=1_350,
                salary_period="hour",
                japanese_required="none",
                english_required="basic",
                apply_from_overseas=True,
                skills=["Safety", "Customer service", "Outdoor work"],
                description=ad("""
                    Load chairlifts, shovel snow, and keep the queue moving and friendly.
                    Outdoor work in every weather, so good winter clothing is provided.

                    Season contract from December to March, with staff housing and a
                    season pass.
                """),
            ),
            13,
        ),
        (
            JobDraft(
                title="Chef de Partie (Western Restaurant)",
                category="hospitality",
                job_type="contract",
                remote="onsite",
                prefecture="Hokkaido",
                city="Kutchan",
                salary_min=300_000,
                salary_max=360_000,
                salary_period="month",
                japanese_required="N5",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Cooking", "Kitchen management", "Food hygiene", "Menu planning"],
                description=ad("""
                    Run a section of our 120-seat mountain restaurant: modern European
                    cooking with Hokkaido produce, from Kutchan potatoes to Otaru seafood.

                    Three years in professional kitchens required. One-year contract,
                    renewable, with visa sponsorship (Skilled Labor) for qualified chefs.
                    Accommodation provided.
                """),
            ),
            20,
        ),
        (
            JobDraft(
                title="Reservations Agent",
                category="customer_support",
                job_type="full_time",
                remote="hybrid",
                prefecture="Hokkaido",
                city="Sapporo",
                salary_min=3_200_000,
                salary_max=4_000_000,
                salary_period="year",
                japanese_required="N2",
                english_required="fluent",
                visa_sponsorship=True,
                skills=["Reservations", "E-mail support", "Chinese", "Customer service"],
                description=ad("""
                    A year-round role in our Sapporo office: answer questions about
                    packages, lessons and rooms by phone, chat and e-mail, and turn them
                    into bookings.

                    Fluent English and N2 Japanese required; Chinese or Korean is a big
                    plus. Two days a week from home after training.
                """),
            ),
            34,
        ),
        (
            JobDraft(
                title="Ski Patroller",
                category="other",
                job_type="temporary",
                remote="onsite",
                prefecture="Hokkaido",
                city="Kutchan",
                salary_min=1_600,
                salary_max=2_000,
                salary_period="hour",
                japanese_required="N4",
                english_required="business",
                apply_from_overseas=True,
                skills=["First aid", "Avalanche safety", "Expert skiing"],
                description=ad("""
                    Keep our slopes safe: open and close runs, mark hazards, and respond
                    to accidents with our medical partners.

                    You need an advanced first-aid certificate, avalanche training (AST 1
                    or equivalent) and expert skiing. Basic Japanese for radio calls.
                """),
            ),
            24,
        ),
        (
            JobDraft(
                title="Maintenance Technician (Year-round)",
                category="engineering",
                job_type="full_time",
                remote="onsite",
                prefecture="Hokkaido",
                city="Kutchan",
                salary_min=260_000,
                salary_max=320_000,
                salary_period="month",
                japanese_required="N3",
                english_required="conversational",
                visa_sponsorship=True,
                skills=["Electrical maintenance", "Mechanical repair", "Snowmaking"],
                description=ad("""
                    Keep lifts, snow guns and buildings running through all four seasons.
                    Summer is overhaul time; winter means early starts and quick repairs.

                    Electrical or mechanical qualifications required. Visa sponsorship
                    and company housing available.
                """),
            ),
            58,
        ),
        (
            JobDraft(
                title="Summer Outdoor Guide (Rafting and Hiking)",
                category="hospitality",
                job_type="temporary",
                remote="onsite",
                prefecture="Hokkaido",
                city="Niseko",
                salary_min=1_500,
                salary_max=1_900,
                salary_period="hour",
                japanese_required="N5",
                english_required="fluent",
                apply_from_overseas=True,
                skills=["Rafting", "Guiding", "Swiftwater rescue", "First aid"],
                description=ad("""
                    Guide rafting trips on the Shiribetsu river and hikes on Mount Yotei
                    from June to September. Rescue and first-aid certificates required;
                    we can help you get the Japanese rafting guide licence.

                    Fluent English is a must; basic Japanese helps with safety
                    briefings. Working holiday visa holders can apply from
                    abroad. Shared housing in Niseko town and a staff discount
                    on activities are included.
                """),
            ),
            41,
        ),
    ]


def naniwa_logistics(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Warehouse Operations Staff",
                category="logistics",
                job_type="full_time",
                remote="onsite",
                prefecture="Osaka",
                city="Suminoe",
                salary_min=220_000,
                salary_max=260_000,
                salary_period="month",
                japanese_required="N4",
                english_required="basic",
                visa_sponsorship=True,
                skills=["Picking and packing", "Inventory", "Handheld scanners"],
                description=ad("""
                    Naniwa Logistics runs six warehouses around Osaka Bay for e-commerce
                    and retail customers. In Suminoe we ship up to 30,000 parcels a day.

                    You will receive, pick, pack and ship goods with handheld scanners, and
                    keep the racks tidy. Day shifts, Monday to Friday with some Saturdays.

                    We welcome holders of the Specified Skilled Worker visa and sponsor it
                    for suitable candidates. Company dormitory available at 25,000 yen a
                    month.
                """),
            ),
            2,
        ),
        (
            JobDraft(
                title="Forklift Operator (Night Shift)",
                category="logistics",
                job_type="part_time",
                remote="onsite",
                prefecture="Hyogo",
                city="Kobe",
                salary_min=1_400,
                salary_max=1_650,
                salary_period="hour",
                japanese_required="N4",
                english_required="none",
                skills=["Forklift licence", "Warehouse safety"],
                description=ad("""
                    Night shifts (22:00 to 06:00) at our Kobe port warehouse, three or four
                    nights a week. A Japanese forklift licence is required; the night rate
                    is already included in the hourly pay shown.

                    No Japanese beyond safety signs and shift instructions
                    (around N4) is needed. Transport allowance, free parking and
                    paid holidays after six months. You need a visa that allows
                    you to work.
                """),
            ),
            17,
        ),
        (
            JobDraft(
                title="International Freight Coordinator",
                category="logistics",
                job_type="full_time",
                remote="hybrid",
                prefecture="Osaka",
                city="Umeda",
                salary_min=4_200_000,
                salary_max=5_800_000,
                salary_period="year",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Freight forwarding", "Incoterms", "Excel", "Shipping documents"],
                description=ad("""
                    Coordinate sea and air shipments between Japan, Vietnam, Thailand and
                    the US West Coast for our forwarding team in Umeda.

                    You will book space with carriers, check documents, and keep customers
                    informed when things go wrong, as they sometimes do. Two years in
                    forwarding or trade administration required.

                    Visa sponsorship and relocation support to Osaka. Hybrid after three
                    months.
                """),
            ),
            9,
        ),
        (
            JobDraft(
                title="Customs Documentation Specialist",
                category="logistics",
                job_type="contract",
                remote="onsite",
                prefecture="Hyogo",
                city="Kobe",
                salary_min=300_000,
                salary_max=380_000,
                salary_period="month",
                japanese_required="N1",
                english_required="business",
                skills=["Customs clearance", "HS codes", "NACCS"],
                description=ad("""
                    Prepare import and export declarations in NACCS and work with our
                    licensed customs brokers at Kobe port. One-year contract with a path to
                    permanent employment. A customs specialist qualification (tsukanshi) is
                    a plus.

                    You read and write Japanese at N1 level and have at least a
                    year of trade or customs paperwork behind you. Business
                    English for correspondence with shippers abroad.
                """),
            ),
            36,
        ),
        (
            JobDraft(
                title="Supply Chain Data Analyst",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Osaka",
                city="Umeda",
                salary_min=5_000_000,
                salary_max=7_000_000,
                salary_period="year",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                skills=["SQL", "Python", "Power BI", "Forecasting"],
                description=ad("""
                    Turn scanner data from six warehouses into decisions: where to put
                    stock, how many people to schedule, which routes to change.

                    You will build dashboards in Power BI, write forecasts in Python, and
                    present results to site managers. Visa sponsorship available.
                """),
            ),
            22,
        ),
        (
            JobDraft(
                title="Key Account Sales (Logistics Solutions)",
                category="sales",
                job_type="full_time",
                remote="hybrid",
                prefecture="Osaka",
                city="Umeda",
                salary_min=4_500_000,
                salary_max=7_000_000,
                salary_period="year",
                japanese_required="N1",
                english_required="business",
                visa_sponsorship=True,
                skills=["B2B sales", "Negotiation", "Logistics", "CRM"],
                description=ad("""
                    Win and grow accounts with foreign brands entering the Japanese
                    market who need warehousing and delivery. A performance bonus is paid
                    twice a year on top of the salary shown.

                    You have sold B2B services in Japan for three years or more,
                    can negotiate in Japanese at N1 level, and are at ease
                    pitching in English. Visa sponsorship available; the Umeda
                    office is open two days a week from home.
                """),
            ),
            12,
        ),
        (
            JobDraft(
                title="Light Van Delivery Driver",
                category="logistics",
                job_type="part_time",
                remote="onsite",
                prefecture="Osaka",
                city="Sakai",
                salary_min=1_300,
                salary_max=1_600,
                salary_period="hour",
                japanese_required="N3",
                english_required="none",
                skills=["Driving licence", "Route planning"],
                description=ad("""
                    Deliver parcels around Sakai in one of our light vans. A Japanese
                    driving licence (or a converted foreign licence) is required, and you
                    must be able to read addresses in Japanese. Morning or afternoon routes.

                    Choose three to five days a week. Fuel and the van are
                    provided, and there is no quota: we plan routes so that you
                    finish on time. Applicants must already hold a visa that
                    allows part-time work.
                """),
            ),
            55,
        ),
    ]


def kakehashi_translation(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Japanese to English Patent Translator (Freelance)",
                category="translation",
                job_type="freelance",
                remote="remote",
                salary_min=2_500,
                salary_max=3_500,
                salary_period="hour",
                japanese_required="N1",
                english_required="native",
                apply_from_overseas=True,
                skills=["Patent translation", "Trados", "Chemistry", "Electronics"],
                description=ad("""
                    Kakehashi Translation Partners translates patents, clinical documents
                    and manuals for Japanese manufacturers. We are adding freelance
                    translators for patent specifications in chemistry and electronics.

                    You translate into your native English, use Trados or memoQ, and meet
                    the deadlines you agree to. A short paid test is part of the process.

                    Work from anywhere; we pay monthly by international transfer. The
                    rate shown is our hourly equivalent for a typical patent.
                """),
            ),
            6,
        ),
        (
            JobDraft(
                title="In-house Translator and Interpreter (Japanese / Vietnamese)",
                category="translation",
                job_type="full_time",
                remote="onsite",
                prefecture="Tokyo",
                city="Kanda",
                salary_min=3_800_000,
                salary_max=5_000_000,
                salary_period="year",
                japanese_required="N1",
                english_required="conversational",
                visa_sponsorship=True,
                skills=["Vietnamese", "Interpreting", "Translation", "Manufacturing"],
                description=ad("""
                    Translate training materials and interpret at factory visits for our
                    clients who employ technical interns and skilled workers from
                    Vietnam.

                    Native Vietnamese and N1 Japanese required. Some travel to factories
                    in Kanto and Chubu. We sponsor work visas.
                """),
            ),
            14,
        ),
        (
            JobDraft(
                title="Localization Project Manager",
                category="translation",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Kanda",
                salary_min=5_000_000,
                salary_max=6_500_000,
                salary_period="year",
                japanese_required="N2",
                english_required="fluent",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Project management", "Localization", "memoQ", "Vendor management"],
                description=ad("""
                    Run translation projects from quote to delivery: split the work,
                    brief our freelancers, check quality and keep the client happy.

                    You have managed localization or translation projects before, and you
                    enjoy spreadsheets and people equally. Visa sponsorship available;
                    three office days a week near Kanda station.
                """),
            ),
            28,
        ),
        (
            JobDraft(
                title="Medical Interpreter (English, Part-time)",
                category="healthcare",
                job_type="part_time",
                remote="onsite",
                prefecture="Tokyo",
                city="Minato",
                salary_min=2_800,
                salary_max=3_500,
                salary_period="hour",
                japanese_required="N1",
                english_required="native",
                skills=["Medical interpreting", "Medical terminology", "Confidentiality"],
                description=ad("""
                    Interpret between doctors and English-speaking patients at partner
                    hospitals in central Tokyo, on call two or three days a week.

                    Medical interpreting experience or certification is required, and you
                    must hold a visa that allows you to work. Strict confidentiality.
                """),
            ),
            39,
        ),
        (
            JobDraft(
                title="Anime Subtitle Translator (Japanese to Portuguese or Spanish)",
                category="translation",
                job_type="freelance",
                remote="remote",
                salary_min=1_800,
                salary_max=2_800,
                salary_period="hour",
                japanese_required="N1",
                english_required="basic",
                apply_from_overseas=True,
                skills=["Subtitling", "Portuguese", "Spanish", "Aegisub"],
                description=ad("""
                    Subtitle anime series for streaming in Brazil and Latin America.
                    Native Portuguese or Spanish, N1 Japanese, and a feeling for jokes,
                    honorifics and timing.

                    Remote, project-based work with weekly deadlines.
                """),
            ),
            8,
        ),
        (
            JobDraft(
                title="Translation Intern",
                category="translation",
                job_type="internship",
                remote="hybrid",
                prefecture="Tokyo",
                city="Kanda",
                salary_min=1_200,
                salary_max=1_200,
                salary_period="hour",
                japanese_required="N2",
                english_required="native",
                skills=["Translation", "Proofreading", "CAT tools"],
                closes_at=_in(today, 10),
                description=ad("""
                    A paid three-month internship for students of translation or
                    Japanese studies. Proofread, build glossaries, translate short texts
                    with feedback from our senior translators, and learn CAT tools.

                    Interns need N2 Japanese, native-level English and a student
                    visa with permission for part-time work. Two office days a
                    week in Kanda, the rest from home. Applications close on the
                    date shown.
                """),
            ),
            3,
        ),
        (
            JobDraft(
                title="Vendor Manager (Freelancer Network)",
                category="translation",
                job_type="contract",
                remote="remote",
                prefecture="Tokyo",
                salary_min=380_000,
                salary_max=450_000,
                salary_period="month",
                japanese_required="N2",
                english_required="fluent",
                visa_sponsorship=True,
                skills=["Vendor management", "Recruiting", "Contracts"],
                description=ad("""
                    Find, test and look after the 300 freelance translators we work with.
                    Remote within Japan, with a monthly day at the Kanda office.

                    You have recruited or managed freelancers before, can assess
                    a translation test, and write friendly, precise e-mails in
                    English and Japanese. One-year contract; we sponsor visas
                    for people already in Japan.
                """),
            ),
            50,
        ),
    ]


def mikawa_precision(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Mechanical Design Engineer (CAD)",
                category="engineering",
                job_type="full_time",
                remote="onsite",
                prefecture="Aichi",
                city="Okazaki",
                salary_min=5_000_000,
                salary_max=7_500_000,
                salary_period="year",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["CATIA", "GD&T", "Tolerance analysis", "Automotive"],
                description=ad("""
                    Mikawa Precision Parts makes brake and steering components for
                    Japanese carmakers in Aichi, Gifu and Shizuoka. Our Okazaki design
                    centre is growing with the move to electric vehicles.

                    You will design parts in CATIA, run tolerance studies, and work with
                    our plants on manufacturability. A degree in mechanical engineering and
                    three years in design are required.

                    We sponsor visas, support your family's move, and offer company housing
                    for up to five years. Japanese lessons are paid by the company.
                """),
            ),
            7,
        ),
        (
            JobDraft(
                title="Quality Assurance Engineer (IATF 16949)",
                category="manufacturing",
                job_type="full_time",
                remote="onsite",
                prefecture="Aichi",
                city="Toyota",
                salary_min=4_800_000,
                salary_max=6_500_000,
                salary_period="year",
                japanese_required="N2",
                english_required="business",
                visa_sponsorship=True,
                skills=["IATF 16949", "FMEA", "8D", "Statistical process control"],
                description=ad("""
                    Own quality for two production lines in Toyota city: audits, customer
                    complaints, 8D reports and supplier visits. Experience with automotive
                    quality systems is essential.

                    N2 Japanese is needed to work with the line and our
                    customers' quality teams; business English for reports to
                    our overseas plants. Visa sponsorship, company housing, and
                    a car allowance.
                """),
            ),
            21,
        ),
        (
            JobDraft(
                title="Production Line Operator",
                category="manufacturing",
                job_type="full_time",
                remote="onsite",
                prefecture="Gifu",
                city="Kakamigahara",
                salary_min=230_000,
                salary_max=280_000,
                salary_period="month",
                japanese_required="N4",
                english_required="basic",
                visa_sponsorship=True,
                skills=["Machine operation", "Quality checks", "5S"],
                description=ad("""
                    Operate and check machining and assembly equipment on a two-shift
                    rota. Full training is given; safety first, always.

                    Shift allowance, overtime pay, a furnished dormitory and a bus from
                    the station. We employ many Specified Skilled Workers and help with
                    renewals. Materials are available in Vietnamese, Indonesian, Portuguese
                    and English.
                """),
            ),
            4,
        ),
        (
            JobDraft(
                title="EV Battery Research Engineer",
                category="research",
                job_type="full_time",
                remote="hybrid",
                prefecture="Aichi",
                city="Nagoya",
                salary_min=7_000_000,
                salary_max=11_000_000,
                salary_period="year",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Battery thermal management", "Simulation", "MATLAB", "Research"],
                description=ad("""
                    Join our new research lab in Nagoya working on thermal management for
                    EV battery housings. You will run simulations, design experiments and
                    publish with our university partners.

                    A master's degree or PhD in mechanical, materials or chemical
                    engineering. Highly Skilled Professional visa points are likely for
                    this role; we support the application.
                """),
            ),
            31,
        ),
        (
            JobDraft(
                title="Overseas Sales Engineer (Southeast Asia)",
                category="sales",
                job_type="full_time",
                remote="hybrid",
                prefecture="Aichi",
                city="Nagoya",
                salary_min=5_500_000,
                salary_max=8_000_000,
                salary_period="year",
                japanese_required="N1",
                english_required="business",
                visa_sponsorship=True,
                skills=["Technical sales", "Automotive", "Thai", "Negotiation"],
                description=ad("""
                    Support our customers' plants in Thailand and Indonesia from Nagoya,
                    with about one week abroad a month. An engineering background, N1
                    Japanese and business English are required; Thai or Bahasa Indonesia
                    is a plus.

                    We sponsor visas, pay overseas travel allowances, and offer
                    company housing in Nagoya. Performance bonus twice a year.
                """),
            ),
            16,
        ),
        (
            JobDraft(
                title="Embedded Software Engineer (AUTOSAR)",
                category="engineering",
                job_type="full_time",
                remote="hybrid",
                prefecture="Shizuoka",
                city="Hamamatsu",
                salary_min=6_000_000,
                salary_max=9_000_000,
                salary_period="year",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["C", "AUTOSAR", "CAN", "ISO 26262", "Embedded systems"],
                description=ad("""
                    Write and test embedded C for our electric power steering controllers
                    in Hamamatsu. Experience with AUTOSAR and functional safety
                    (ISO 26262) is expected.

                    Our team includes engineers from India, Germany and Brazil; documents
                    are in English and meetings in both languages.
                """),
            ),
            42,
        ),
        (
            JobDraft(
                title="Manufacturing Engineering Intern",
                category="manufacturing",
                job_type="internship",
                remote="onsite",
                prefecture="Aichi",
                city="Okazaki",
                salary_min=1_300,
                salary_max=1_300,
                salary_period="hour",
                japanese_required="N3",
                english_required="conversational",
                skills=["Lean manufacturing", "Process improvement", "Excel"],
                closes_at=_in(today, 18),
                description=ad("""
                    Spend two months on the shop floor improving a real process with our
                    manufacturing engineers. Open to engineering students at Japanese
                    universities.

                    Conversational Japanese (N3) is needed on the floor. We pay
                    hourly, cover transport from Okazaki station, and provide
                    meals in the company canteen. Applications close on the date
                    shown.
                """),
            ),
            26,
        ),
        (
            JobDraft(
                title="CNC Machinist (Temporary)",
                category="manufacturing",
                job_type="temporary",
                remote="onsite",
                prefecture="Gifu",
                city="Kakamigahara",
                salary_min=1_500,
                salary_max=1_800,
                salary_period="hour",
                japanese_required="N4",
                english_required="none",
                skills=["CNC machining", "Fanuc", "Measuring tools"],
                description=ad("""
                    A six-month assignment setting up and running Fanuc CNC lathes during
                    a model change. Experience reading drawings and using micrometers is
                    required.

                    Day shifts only, with overtime paid on top of the hourly
                    rate. Everyday Japanese (N4) is needed for safety and work
                    instructions. Dormitory available for the assignment; you
                    need a visa that allows you to work.
                """),
            ),
            59,
        ),
    ]


def kobanpay(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Senior Backend Engineer (Kotlin)",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=9_000_000,
                salary_max=14_000_000,
                salary_period="year",
                japanese_required="none",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Kotlin", "Spring Boot", "PostgreSQL", "Payments", "Kafka"],
                description=ad("""
                    KobanPay lets small shops in Japan take card and QR payments and get
                    paid the next day. Our engineering team of 60 works in English.

                    You will design the ledger and payout services in Kotlin, set the bar
                    for code quality, and mentor engineers. Experience with money
                    movement, idempotency and double-entry accounting is a big plus.

                    Visa sponsorship, relocation package, stock options, and a hybrid
                    week with two days in our Otemachi office.
                """),
            ),
            1,
        ),
        (
            JobDraft(
                title="Compliance Analyst (AML / KYC)",
                category="finance",
                job_type="full_time",
                remote="onsite",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=6_000_000,
                salary_max=8_500_000,
                salary_period="year",
                japanese_required="N1",
                english_required="business",
                visa_sponsorship=True,
                skills=["AML", "KYC", "Regulatory reporting", "Risk assessment"],
                description=ad("""
                    Review merchant onboarding, investigate suspicious transactions and
                    prepare reports for the Financial Services Agency.

                    Two years in AML or KYC at a bank, card company or payment provider,
                    N1 Japanese, and business English.
                """),
            ),
            11,
        ),
        (
            JobDraft(
                title="Financial Planning and Analysis Manager",
                category="finance",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=7_000_000,
                salary_max=10_000_000,
                salary_period="year",
                japanese_required="N2",
                english_required="fluent",
                visa_sponsorship=True,
                skills=["Financial modelling", "Budgeting", "Excel", "Investor reporting"],
                description=ad("""
                    Build the budget and the monthly forecast, model new pricing, and
                    prepare the numbers for our board and investors.

                    Experience in FP&A at a growth company or in investment banking.
                    US CPA, CFA or a Japanese accounting qualification is a plus.
                """),
            ),
            23,
        ),
        (
            JobDraft(
                title="Mobile Engineer (iOS, Swift)",
                category="it",
                job_type="full_time",
                remote="remote",
                prefecture="Tokyo",
                salary_min=8_000_000,
                salary_max=12_000_000,
                salary_period="year",
                japanese_required="none",
                english_required="business",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Swift", "SwiftUI", "iOS", "Bluetooth", "Payments"],
                description=ad("""
                    Build the app that turns an iPhone into a payment terminal. You will
                    work on SwiftUI screens, Bluetooth card readers, and the tricky parts
                    of making payments work offline.

                    Remote within Japan; we sponsor visas and relocate you if you are
                    abroad now.
                """),
            ),
            19,
        ),
        (
            JobDraft(
                title="Engineering Manager, Merchant Platform",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=11_000_000,
                salary_max=15_000_000,
                salary_period="year",
                japanese_required="N3",
                english_required="fluent",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Engineering management", "Hiring", "Agile", "Backend systems"],
                description=ad("""
                    Lead two teams (eleven engineers) who build merchant onboarding and
                    the dashboard. You hire, coach, plan with product, and still read the
                    code.

                    Experience managing engineers is required. Some Japanese helps when
                    working with our sales and compliance teams.
                """),
            ),
            35,
        ),
        (
            JobDraft(
                title="Customer Support Specialist (English / Chinese)",
                category="customer_support",
                job_type="contract",
                remote="hybrid",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=280_000,
                salary_max=330_000,
                salary_period="month",
                japanese_required="N2",
                english_required="business",
                skills=["Customer support", "Mandarin Chinese", "Zendesk"],
                description=ad("""
                    Help merchants by chat, e-mail and phone in Japanese, English and
                    Chinese: setting up card readers, payout questions, and the occasional
                    worried shop owner on a Saturday.

                    A one-year contract with conversion to permanent after review. Shift
                    rota includes one weekend day in four.
                """),
            ),
            6,
        ),
        (
            JobDraft(
                title="Growth Marketing Manager",
                category="marketing",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=7_500_000,
                salary_max=10_000_000,
                salary_period="year",
                japanese_required="native",
                english_required="business",
                skills=["Performance marketing", "SEO", "Analytics", "Lifecycle marketing"],
                description=ad("""
                    Grow the number of shops that sign up and stay. You own paid search,
                    SEO and lifecycle e-mail in the Japanese market, with a budget and a
                    team of two.

                    Native-level Japanese copywriting is essential for this role.
                """),
            ),
            44,
        ),
        (
            JobDraft(
                title="Security Engineer",
                category="it",
                job_type="full_time",
                remote="hybrid",
                prefecture="Tokyo",
                city="Otemachi",
                salary_min=9_000_000,
                salary_max=13_000_000,
                salary_period="year",
                japanese_required="N4",
                english_required="fluent",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Application security", "PCI DSS", "Threat modelling", "AWS"],
                description=ad("""
                    Keep card data safe. Run threat modelling with product teams, own our
                    PCI DSS controls, and build tools that make the secure way the easy
                    way. Visa sponsorship and relocation included.

                    Experience with payments or another regulated industry is a
                    plus. The team works in English; some Japanese (N4) helps
                    day to day. Stock options and a yearly conference budget.
                """),
            ),
            14,
        ),
    ]


def tsukikage_sake(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="Export Sales Manager (Europe)",
                category="sales",
                job_type="full_time",
                remote="hybrid",
                prefecture="Kyoto",
                city="Fushimi",
                salary_min=5_000_000,
                salary_max=7_000_000,
                salary_period="year",
                japanese_required="N1",
                english_required="native",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Export sales", "Wine and spirits", "Distributor management"],
                description=ad("""
                    Tsukikage has brewed sake in Fushimi since 1781. Our export division
                    now ships to 18 countries, and Europe is our fastest-growing market.

                    You will look after our importers in the UK, France and Germany, plan
                    tastings and trade fairs, and bring back what sommeliers tell you.
                    About six weeks a year in Europe.

                    Experience in wine, spirits or food export, N1 Japanese, and a love of
                    sake. We sponsor visas and help with housing in Kyoto.
                """),
            ),
            10,
        ),
        (
            JobDraft(
                title="Brand and Social Media Marketer",
                category="marketing",
                job_type="contract",
                remote="hybrid",
                prefecture="Kyoto",
                city="Fushimi",
                salary_min=280_000,
                salary_max=340_000,
                salary_period="month",
                japanese_required="N2",
                english_required="native",
                skills=["Instagram", "Photography", "Copywriting", "Brand storytelling"],
                description=ad("""
                    Tell the story of a 240-year-old brewery to drinkers abroad: photograph
                    the brewing season, write in English, and plan campaigns with our
                    importers. One-year contract, renewable.

                    Native English and N2 Japanese, a portfolio of social media
                    work, and a good eye with a camera. Three days a week at the
                    brewery in Fushimi, two from home. You need a visa that
                    allows you to work in Japan.
                """),
            ),
            20,
        ),
        (
            JobDraft(
                title="Brewery Tour Guide (English, Part-time)",
                category="hospitality",
                job_type="part_time",
                remote="onsite",
                prefecture="Kyoto",
                city="Fushimi",
                salary_min=1_300,
                salary_max=1_600,
                salary_period="hour",
                japanese_required="N3",
                english_required="fluent",
                skills=["Guiding", "Public speaking", "Sake knowledge"],
                description=ad("""
                    Lead groups through our brewery and tasting room on weekends and
                    holidays. We teach you everything about sake; you bring the
                    storytelling. Sake Sommelier (kikisake-shi) training available.

                    Fluent English and conversational Japanese (N3). Saturdays,
                    Sundays and holidays, 10:00 to 16:00, with extra days in
                    spring and autumn. Staff discount on our sake.
                """),
            ),
            3,
        ),
        (
            JobDraft(
                title="Seasonal Brewing Assistant (Kurabito)",
                category="manufacturing",
                job_type="temporary",
                remote="onsite",
                prefecture="Kyoto",
                city="Fushimi",
                salary_min=220_000,
                salary_max=250_000,
                salary_period="month",
                japanese_required="N3",
                english_required="none",
                skills=["Physical work", "Food hygiene", "Early mornings"],
                closes_at=_in(today, 35),
                description=ad("""
                    Join the brewing team from November to March: washing and steaming
                    rice, moving koji, cleaning tanks. Days start at 5:00 and the work is
                    physical, but few people ever see sake made this way.

                    Meals and a room at the brewery are provided. You need a visa that
                    allows you to work in Japan.
                """),
            ),
            27,
        ),
        (
            JobDraft(
                title="Label and Packaging Designer (Freelance)",
                category="design",
                job_type="freelance",
                remote="remote",
                salary_min=3_000,
                salary_max=3_500,
                salary_period="hour",
                japanese_required="N3",
                english_required="business",
                apply_from_overseas=True,
                skills=["Packaging design", "Illustrator", "Typography", "Print production"],
                description=ad("""
                    Design labels and gift boxes for a new line of sparkling and aged sake
                    aimed at European restaurants, working with our calligrapher.

                    A portfolio of packaging that went to print is required. Remote, with
                    an optional visit to the brewery.
                """),
            ),
            48,
        ),
        (
            JobDraft(
                title="Import and Export Administrator",
                category="logistics",
                job_type="full_time",
                remote="onsite",
                prefecture="Kyoto",
                city="Fushimi",
                salary_min=3_600_000,
                salary_max=4_400_000,
                salary_period="year",
                japanese_required="N1",
                english_required="business",
                visa_sponsorship=True,
                skills=["Export documentation", "Excel", "Alcohol regulations"],
                description=ad("""
                    Prepare export documents, certificates of origin and labels that meet
                    each country's alcohol rules, and book shipments with our forwarders.

                    You have done trade administration before and read Japanese
                    regulations at N1 level. Business English for our importers.
                    Visa sponsorship available, and the brewery is a five-minute
                    walk from Chushojima station.
                """),
            ),
            37,
        ),
        (
            JobDraft(
                title="Part-time Translator (Japanese to English, Marketing Copy)",
                category="translation",
                job_type="part_time",
                remote="remote",
                prefecture="Kyoto",
                salary_min=2_000,
                salary_max=2_500,
                salary_period="hour",
                japanese_required="N1",
                english_required="native",
                skills=["Marketing translation", "Transcreation", "Food and drink"],
                description=ad("""
                    Translate tasting notes, brewery news and importer presentations, about
                    ten hours a week. Transcreation, not word-for-word: the English must
                    sound as good as the sake tastes.

                    Native English and N1 Japanese; food, drink or wine writing
                    experience is a big plus. Remote, flexible hours, paid
                    monthly. You need a visa that allows you to work in Japan.
                """),
            ),
            15,
        ),
    ]


def churaumi_clinic(today: dt.date) -> list[Posted]:
    return [
        (
            JobDraft(
                title="International Patient Coordinator",
                category="healthcare",
                job_type="full_time",
                remote="onsite",
                prefecture="Okinawa",
                city="Naha",
                salary_min=250_000,
                salary_max=300_000,
                salary_period="month",
                japanese_required="N2",
                english_required="fluent",
                visa_sponsorship=True,
                apply_from_overseas=True,
                skills=["Patient coordination", "Medical terminology", "Insurance claims"],
                description=ad("""
                    Churaumi International Clinic in Naha treats residents and visitors
                    from abroad, from sprained ankles on the beach to long-term care.

                    You will guide patients through appointments, explain costs and
                    insurance, arrange interpreters, and work closely with our doctors and
                    nurses.

                    Fluent English and N2 Japanese. Experience in healthcare
                    administration or nursing is a plus. Visa sponsorship and help
                    finding an apartment.
                """),
            ),
            5,
        ),
        (
            JobDraft(
                title="Registered Nurse (Japanese Licence)",
                category="healthcare",
                job_type="full_time",
                remote="onsite",
                prefecture="Okinawa",
                city="Naha",
                salary_min=300_000,
                salary_max=380_000,
                salary_period="month",
                japanese_required="N1",
                english_required="business",
                visa_sponsorship=True,
                skills=["Nursing", "Triage", "Patient education"],
                description=ad("""
                    Outpatient and small-ward nursing in a bilingual clinic. A Japanese
                    nursing licence is required by law; nurses who passed the national exam
                    under an EPA programme are very welcome.

                    Business English is needed for our international patients.
                    Day shifts, one Saturday a month, and visa sponsorship
                    (Medical Services) for licensed nurses. Housing allowance
                    and paid training in travel medicine.
                """),
            ),
            18,
        ),
        (
            JobDraft(
                title="Medical Receptionist (Bilingual, Part-time)",
                category="customer_support",
                job_type="part_time",
                remote="onsite",
                prefecture="Okinawa",
                city="Naha",
                salary_min=1_150,
                salary_max=1_350,
                salary_period="hour",
                japanese_required="N3",
                english_required="conversational",
                skills=["Reception", "Scheduling", "Cash handling"],
                description=ad("""
                    Greet patients, book appointments and handle payments, four mornings a
                    week. Friendly, calm, and happy switching between Japanese and English.

                    Conversational Japanese (N3) and English. No medical
                    experience needed; we train you on our booking system.
                    Transport paid. You need a residence status that allows
                    part-time work.
                """),
            ),
            30,
        ),
        (
            JobDraft(
                title="Health Data Analyst (Remote)",
                category="research",
                job_type="contract",
                remote="remote",
                prefecture="Okinawa",
                salary_min=420_000,
                salary_max=520_000,
                salary_period="month",
                japanese_required="N3",
                english_required="business",
                visa_sponsorship=True,
                skills=["R", "Statistics", "Epidemiology", "SQL"],
                description=ad("""
                    Analyse anonymised visit data for our research with the prefectural
                    university on health in the tourist season. A background in statistics
                    or epidemiology, and care with sensitive data, are essential.

                    Remote within Japan; a one-year contract.
                """),
            ),
            46,
        ),
        (
            JobDraft(
                title="Clinic Marketing and Website Coordinator",
                category="marketing",
                job_type="part_time",
                remote="hybrid",
                prefecture="Okinawa",
                city="Naha",
                salary_min=1_500,
                salary_max=1_900,
                salary_period="hour",
                japanese_required="N2",
                english_required="native",
                skills=["WordPress", "Content writing", "Local SEO"],
                description=ad("""
                    Keep our bilingual website accurate, write health articles with our
                    doctors, and look after our listings for travellers. About 15 hours a
                    week.

                    Native English, N2 Japanese, and experience with WordPress
                    or a similar CMS. Two days at the clinic in Naha, the rest
                    from home. You need a visa that allows you to work in Japan.
                """),
            ),
            60,
        ),
    ]
