"""Clean sentences shaped like what the guard hides: "at", "dot" and "@" in ordinary
use, numbers that are not phone numbers, technology names that look like domains,
platforms named without an account, kanji numerals and Japanese separators, labels
and landmarks a detector could mistake, and text in other languages and scripts."""

from __future__ import annotations

from .records import Clean, clean, cleans

# "at", "dot" and "@" as ordinary words: an e-mail detector that reads "at"/"dot"
# must need the shape of an address around them, and "@" followed by a space or a
# price is not a handle.
AT_AND_DOT = cleans(
    "at, dot and @ as ordinary words",
    clean("zebedee", "I'm usually at the office from 9 to 6."),
    clean("zebedee", "I joined my first start-up just after the dot-com boom."),
    clean("zebedee", "Connecting the dots between product and infrastructure is what I enjoy."),
    clean("misaki", "Meet me at 3 in the lobby if that suits you.", field="reply"),
    clean("misaki", "I designed a dot-grid icon set for the app."),
    clean("kenta", "Dot matrix displays and seven-segment LEDs were my first projects."),
    clean("liwei", "We presented our pipeline @ the Data Engineering Summit."),
    clean("liwei", "The Airflow DAG runs at 4:00 JST every day."),
    clean("seoyeon", "Our studio was at the top of the App Store charts at launch."),
    clean("seoyeon", "Design reviews are at 11 on Mondays."),
    clean("duc", "I work at a press-die maker and look after 40 moulds."),
    clean("duc", "Dotted lines on the drawings mark the hidden edges."),
    clean("priya", "Test runs start at 2 a.m. and finish before the stand-up."),
    clean("priya", "I pair with developers at least twice a week."),
    clean("joao", "I am at my best on the early shift."),
    clean("joao", "Quality checks at every station cut rework by 30%."),
    clean("kaho", "Priced swaptions at scale: 50,000 a night on a GPU grid."),
    clean("siobhan", "At the moment I teach adults and juniors."),
    clean("thomas", "At peak season we file 15 notifications a month."),
    clean("thomas", "Our Kobe lab is at the cutting edge of polymer testing."),
    clean("sarah", "I was at my best in front of a class of 40."),
    clean("sarah", "Happy to chat at your convenience.", field="reply"),
    clean("meiling", "I work at home three days a week."),
    clean("ivan", "We docked at Vladivostok, Busan and Niigata on each rotation."),
    clean("ivan", "Spare parts arrive at the yard by ship."),
    clean("mariaclara", "I am good at calming residents who wake up at night."),
    clean("bikash", "Lunch sets sold at ¥980 brought in most of our revenue."),
    clean("bikash", "Staff meals are at 3 and 9 p.m."),
    clean("yuki", "Closing is done at month end within five working days."),
    clean("olivia", "I summarise findings in dot points for executives."),
    clean("aiko", "I look at every CV personally before the first call."),
    clean("fatima", "Rooms @ ¥18,000 a night were our best-selling package."),
    clean("fatima", "I was at the front desk of a 120-room riad for six years."),
)  # fmt: skip

# Numbers that are not phone numbers or addresses: job reference numbers, years and
# date ranges, salaries, scores, versions, counts, percentages, times, "1-2 years".
NUMBERS = cleans(
    "numbers that are not phones: references, dates, money, versions",
    clean("zebedee", "Job reference REQ-2024-0917, Senior Backend Engineer.", field="reply"),
    clean("zebedee", "Go 1.22 and Rust 1.77 in production since 2023."),
    clean("zebedee", "p99 latency under 120 ms at 8,000 requests per second."),
    clean("misaki", "TOEIC 860点（2019年）"),
    clean("misaki", "年収は550万円を希望します。"),
    clean("misaki", "Figma、Adobe XD（2018〜）、Illustrator CC 2024。"),
    clean("kenta", "2012年4月〜2018年3月 関西電子工業株式会社"),
    clean("kenta", "STM32とRTOS（FreeRTOS 10.4）で開発。"),
    clean("kenta", "消費電力を30%削減（2021年度社長賞）。"),
    clean("liwei", "Reduced the nightly batch from 6 hours to 45 minutes."),
    clean("liwei", "Spark 3.5, Airflow 2.8, Python 3.12."),
    clean("liwei", "Data volume grew from 3 TB to 40 TB in two years."),
    clean("seoyeon", "Shipped 3 titles with over 2,000,000 downloads in total."),
    clean("seoyeon", "Position ID: GD-0423 (Game Designer).", field="reply"),
    clean("duc", "Tolerances down to ±0.005 mm on 1,200 parts a day."),
    clean("duc", "JLPT N2 (2021), aiming for N1 in December 2025."),
    clean("duc", "Work hours 8:00–17:00, overtime about 20 h per month."),
    clean("priya", "Regression suite: 1,800 tests, 12 minutes, 99.2% pass rate."),
    clean("priya", "ISTQB Advanced Test Analyst, certificate no. CTAL-TA 23-0412."),
    clean("priya", "Experience: 1-2 years with k6, 5+ years with Selenium."),
    clean("joao", "Defect rate from 1.8% to 0.3% between 2019 and 2023."),
    clean("joao", "Forklift licence (2018) and crane licence under 5 t."),
    clean("kaho", "Target base salary ¥14,000,000 plus bonus."),
    clean("kaho", "VaR back-testing over 250 days at 99% confidence."),
    clean("siobhan", "Eiken Grade 1 preparation, 2018–2024."),
    clean("siobhan", "Class sizes of 8 to 12; lessons of 50 minutes."),
    clean("siobhan", "On site 3-4 days a week, the rest online."),
    clean("thomas", "Handled 120 SDS revisions in FY2023 under GHS Rev. 9."),
    clean("thomas", "EU REACH Annex XVII, entries 46 and 51."),
    clean("sarah", "Taught grades 7–9 at 4 junior high schools, 2019–2025."),
    clean("sarah", "Available from 2025-07-01 for full-time roles."),
    clean("meiling", "Translated 1.2 million characters of patents in 2024."),
    clean("meiling", "JLPT N1（2014年）、TOCFL Band C."),
    clean("ivan", "Main engine: 2-stroke, 12,000 kW; auxiliary: 3 × 1,200 kW."),
    clean("ivan", "STCW III/2 certificate, valid until 2027."),
    clean("mariaclara", "介護福祉士 2024年合格、実務経験5年。"),
    clean("mariaclara", "Night shifts: 16:30–09:30, four per month."),
    clean("bikash", "Monthly sales grew from ¥3.2M to ¥5.1M in 2023."),
    clean("bikash", "Three shops, 42 seats each, open 11:00–23:00."),
    clean("yuki", "月次決算を5営業日で締めています。"),
    clean("yuki", "日商簿記1級（2015年）、USCPA科目合格2科目。"),
    clean("olivia", "Forecast error (MAPE) down from 14% to 6.5% across 3,400 SKUs."),
    clean("olivia", "Python 3.11, PyTorch 2.2, Stan 2.34."),
    clean("aiko", "Hired 85 people in 2024 with a 92% offer acceptance rate."),
    clean("aiko", "求人番号 HR-2025-0031 への応募です。", field="reply"),
    clean("fatima", "Grew B2B bookings by 38% in FY2023."),
    clean("fatima", "Groups of 20–150 guests, budgets from €5,000."),
)  # fmt: skip

# Technology names that look like domains, file names or handles ("Node.js",
# "socket.io", "ASP.NET", "README.md", "C#"): issue 13 hides any URL, but a skills
# list must stay readable.
TECH_NAMES = cleans(
    "tech names shaped like domains, files or handles",
    clean("zebedee", "Node.js, Deno and Bun for tooling; Go for the services."),
    clean("zebedee", "I maintain our internal fork of socket.io for the trading UI."),
    clean("zebedee", "gRPC, Protobuf and OpenTelemetry across 40 services."),
    clean("misaki", "Vue.js と Nuxt.js でプロトタイプを作成。"),
    clean("misaki", "Framer and Three.js for interactive mock-ups."),
    clean("kenta", "C#とC++でPC側の検査ツールを開発しました。"),
    clean("kenta", "setup.py と pytest で社内ツールをパッケージ化。"),
    clean("kenta", "Express.js でテスト用のモックサーバを作成。"),
    clean("liwei", "ASP.NET services fed our warehouse through Kafka."),
    clean("liwei", "dbt models live in models/staging, documented in README.md."),
    clean("liwei", "F# for a side project; mostly Python and SQL at work."),
    clean("seoyeon", "Unity (C#) and Lua scripting; Spine for 2D animation."),
    clean("seoyeon", "Localisation strings in strings.json, exported from Google Sheets."),
    clean("duc", "CATIA V5, SolidWorks 2024, AutoCAD; macros in VB.NET."),
    clean("priya", "Playwright tests in TypeScript: login.spec.ts, checkout.spec.ts."),
    clean("priya", "Jest for unit tests of Next.js pages."),
    clean("priya", "Config lives in docker-compose.yml and .env files."),
    clean("joao", "Excel macros and a small Power BI dashboard for the line."),
    clean("kaho", "Pricing library in C++17 with Python bindings via pybind11."),
    clean("kaho", "Backtests in pandas and Polars; charts with D3.js for the desk."),
    clean("kaho", "Vue.js dashboards for the risk team."),
    clean("siobhan", "I build quizzes with Kahoot and Google Forms."),
    clean("thomas", "IUCLID 6 for dossiers; SAP EHS for SDS authoring."),
    clean("sarah", "Canva, WordPress and Mailchimp for a school newsletter."),
    clean("meiling", "Trados Studio 2022, memoQ and Xbench for QA."),
    clean("meiling", "字幕はAegisubで.srtと.assに書き出しています。"),
    clean("ivan", "PLC programming (Siemens S7) and B&W engine diagnostics."),
    clean("bikash", "Orders come through Uber Eats and the Square POS."),
    clean("yuki", "freee会計とマネーフォワードで経費精算を効率化。"),
    clean("olivia", "scikit-learn, statsmodels, Prophet; served with FastAPI on Cloud Run."),
    clean("olivia", "Experiment tracking in MLflow; pipelines in Kubeflow."),
    clean("olivia", "R (tidyverse) and Python; Stan for Bayesian models."),
    clean("aiko", "ATS: Greenhouse and HRMOS; sourcing in LinkedIn Recruiter."),
    clean("fatima", "Amadeus and Sabre for air; Excel for group quotes."),
    clean("mariaclara", "Care records are kept in a tablet app; I also use Excel."),
)  # fmt: skip

# Platforms named for what was done on them, with no account after the name: "LINE
# Pay" and "GitHub Actions" are not a LINE ID or a GitHub user.
PLATFORMS = cleans(
    "platforms named without an account",
    clean("zebedee", "CI runs on GitHub Actions; releases are signed with Sigstore."),
    clean("zebedee", "Our Discord community has 3,000 Rust learners."),
    clean("misaki", "LINE公式アカウントのリッチメニューをデザインしました。"),
    clean("misaki", "Instagram広告のバナーを月40本制作。"),
    clean("kenta", "社内勉強会ではQiitaの記事をよく参考にしています。"),
    clean("liwei", "Built a WeChat Pay reconciliation job for our Shanghai partners."),
    clean("liwei", "LINE Pay and PayPay data were merged into one ledger."),
    clean("seoyeon", "Ran the KakaoTalk channel for our Korean players."),
    clean("duc", "Zalo and Facebook are how Vietnamese customers contact us."),
    clean("priya", "We track flaky tests in GitHub Issues and Jira."),
    clean("joao", "Trained line staff with short WhatsApp voice notes in Portuguese."),
    clean("kaho", "Built a Telegram bot that posts the end-of-day P&L."),
    clean("siobhan", "Our school's TikTok videos brought in 30 new students."),
    clean("thomas", "I follow ECHA updates on LinkedIn and X."),
    clean("sarah", "Ran the school's Instagram account and a LINE group for parents."),
    clean("meiling", "微博と小紅書のマーケティング文案も翻訳しています。"),
    clean("ivan", "Crew communication over Starlink and WhatsApp."),
    clean("mariaclara", "Families get updates through LINE from our facility."),
    clean("bikash", "Our reviews on Google Maps rose from 3.9 to 4.6 stars."),
    clean("yuki", "社内連絡はLINE WORKSとSlackを併用しています。"),
    clean("olivia", "Our open-source package is on PyPI and GitHub."),
    clean("aiko", "I post openings on X (formerly Twitter) and LinkedIn."),
    clean("fatima", "Instagram Reels brought 20% of our honeymoon leads."),
)  # fmt: skip

# Kanji numerals (〇, 一, 二 ...) and the Japanese list separator "・" that are dates,
# counts, ordinals and lists, not a phone number read as digits.
KANJI_NUMERALS = cleans(
    "kanji numerals and ・ lists that are not phones",
    clean("misaki", "二〇二〇年十月に現職に入社しました。"),
    clean("misaki", "企画・設計・デザイン・検証まで一貫して担当。"),
    clean("kenta", "第三四半期に量産を開始。"),
    clean("kenta", "C言語・C++・Python・アセンブラ"),
    clean("kenta", "〇〇株式会社との共同開発を二件担当しました。"),
    clean("yuki", "平成二十八年四月 入社"),
    clean("yuki", "売上・原価・販管費の予実管理"),
    clean("yuki", "一〇〇件以上の請求書を毎月処理しています。"),
    clean("aiko", "一次面接・二次面接・最終面接の日程調整"),
    clean("aiko", "二〇一三年四月 新卒入社"),
    clean("meiling", "中国語・日本語・英語の三か国語"),
    clean("zebedee", "Go・Rust・Kubernetes"),
    clean("liwei", "データ収集・加工・可視化"),
    clean("seoyeon", "企画書を一日三本書いた時期もあります。"),
    clean("duc", "第一製造部で三年間、金型設計を担当。"),
    clean("priya", "テストケース二千件を自動化しました。"),
    clean("joao", "一日八時間、週五日の勤務でした。"),
    clean("kaho", "令和五年度のリスク報告書を作成。"),
    clean("siobhan", "英検一級と二級の面接対策を担当。"),
    clean("thomas", "化審法・安衛法・毒劇法の届出"),
    clean("sarah", "中学一年から三年までの授業を担当。"),
    clean("ivan", "一等機関士として十年勤務。"),
    clean("mariaclara", "三十名の入居者の食事・入浴・排泄介助。"),
    clean("bikash", "ランチ・ディナー・ケータリングの三部門を管理。"),
    clean("olivia", "二〇二一年三月から現職です。"),
    clean("fatima", "四十か国以上の旅行者に対応しました。"),
)  # fmt: skip

# Near misses for the newer detectors: "Line:" and "Note:" as labels (the apps are
# written "LINE" and "note"), "at" before a tech name shaped like a domain, "AT&T",
# a part number with a letter O, a building's generic word in a landmark ("Tokyo
# Tower", "テーマパーク"), a station or ward that shares a word with the building or
# the city, a Greek letter that a confusables table maps to Latin.
DETECTOR_NEAR_MISSES = cleans(
    "labels, landmarks and symbols a detector could mistake",
    clean("joao", "Line: B-3 final assembly, 24 workers."),
    clean("meiling", "Note: I can start in October."),
    clean("liwei", "I spoke at ASP.NET Core meetups in Yokohama."),
    clean("priya", "Tested roaming flows for AT&T and NTT Docomo."),
    clean("zebedee", "I was at Yahoo during the dot-com bubble."),
    clean("zebedee", "I can see Tokyo Tower from our office."),
    clean("misaki", "テーマパークのアプリをデザインしました。"),
    clean("aiko", "浦和駅から通えるオフィスを希望します。"),
    clean("fatima", "I change trains at Namba every day."),
    clean("duc", "Part number MO-2024-1180 passed inspection."),
    clean("yuki", "売上高は一二〇億円規模の会社です。"),
    clean("olivia", "Significance level α = 0.05, power 0.8."),
    clean("seoyeon", "I played on the basketball court at lunch."),
    clean("kenta", "ｼｽﾃﾑ開発の経験あり（前職）"),
)  # fmt: skip

# Sentences in the candidates' other languages, and English lines that carry a
# Japanese term: the guard must leave ordinary text in any script alone.
OTHER_LANGUAGES = cleans(
    "other languages, and English with Japanese terms",
    clean("ivan", "Работал вторым механиком на ледоколах."),
    clean("seoyeon", "게임 기획과 현지화를 담당했습니다."),
    clean("duc", "Tôi có 5 năm kinh nghiệm thiết kế khuôn."),
    clean("joao", "Tenho experiência com controle de qualidade e kaizen."),
    clean("thomas", "Ich habe zehn Jahre Erfahrung im Chemikalienrecht."),
    clean("fatima", "J'ai six ans d'expérience dans l'hôtellerie."),
    clean("mariaclara", "Mahal ko ang pag-aalaga sa matatanda."),
    clean("zebedee", "Tengo nueve años de experiencia en backend."),
    clean("liwei", "我负责数据平台的迁移。"),
    clean("meiling", "我負責專利翻譯。"),
    clean("mariaclara", "I passed the 介護福祉士 exam in 2024."),
    clean("thomas", "I file notifications under 化審法 and 安衛法."),
    clean("siobhan", "I prepared students for 英検 interviews."),
    clean("sarah", "My JLPT N2 certificate (日本語能力試験) is from 2023."),
    clean("yuki", "I passed 日商簿記 Grade 1 in 2015."),
    clean("bikash", "I hold a 食品衛生責任者 certificate."),
    clean("joao", "I have a フォークリフト licence and 玉掛け training."),
    clean("duc", "I completed the 技能実習 programme before my engineering visa."),
    clean("priya", "I'm on a 高度専門職 visa."),
    clean("olivia", "I have a 高度専門職 (HSP) visa with 80 points."),
    clean("aiko", "I run 新卒 and 中途 hiring for the Tokyo office."),
    clean("seoyeon", "Our 企画書 template is used by every new designer."),
)  # fmt: skip

CLEAN: tuple[Clean, ...] = (
    AT_AND_DOT
    + NUMBERS
    + TECH_NAMES
    + PLATFORMS
    + KANJI_NUMERALS
    + DETECTOR_NEAR_MISSES
    + OTHER_LANGUAGES
)
