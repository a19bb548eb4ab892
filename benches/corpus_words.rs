//! Word lists for the synthetic corpus, all written for it: coined company
//! stems, fields, roles, sentence parts. Real names appear only for places
//! and for the topic vocabulary of `../shared/gold/README.md`.

/// Topic slug, display name, keywords.
pub(crate) const TOPICS: &[(&str, &str, &[&str])] = &[
    (
        "all-solid-state",
        "All-solid-state batteries",
        &[
            "all-solid-state battery",
            "solid electrolyte",
            "sulfide electrolyte",
        ],
    ),
    (
        "lithium-metal",
        "Lithium-metal anodes",
        &[
            "lithium-metal anode",
            "lithium-metal battery",
            "dendrite suppression",
        ],
    ),
    (
        "lithium-sulfur",
        "Lithium-sulfur",
        &[
            "lithium-sulfur battery",
            "sulfur cathode",
            "polysulfide shuttle",
        ],
    ),
    (
        "sodium-ion",
        "Sodium-ion",
        &[
            "sodium-ion battery",
            "hard carbon anode",
            "Prussian blue cathode",
        ],
    ),
    (
        "lfp",
        "LFP and LMFP",
        &["lithium iron phosphate", "LFP cell", "LMFP cathode"],
    ),
    (
        "ncm-high-nickel",
        "High-nickel cathodes",
        &["high-nickel cathode", "NCM cathode", "NCMA cathode"],
    ),
    (
        "4680-cylindrical",
        "46-series cylindrical cells",
        &[
            "46-series cylindrical cell",
            "large cylindrical cell",
            "tabless cylindrical cell",
        ],
    ),
    (
        "recycling",
        "Recycling",
        &[
            "battery recycling",
            "black mass",
            "hydrometallurgical recovery",
        ],
    ),
    (
        "supply-chain",
        "Supply chain",
        &[
            "supply chain",
            "localized sourcing",
            "supply-chain resilience",
        ],
    ),
    (
        "critical-minerals",
        "Critical minerals",
        &[
            "critical minerals",
            "lithium hydroxide",
            "nickel sulfate",
            "natural graphite",
        ],
    ),
    (
        "workforce-training",
        "Workforce training",
        &[
            "workforce training",
            "specialized graduate program",
            "talent development",
        ],
    ),
    (
        "investment-funding",
        "Investment and funding",
        &["capital investment", "policy financing", "venture funding"],
    ),
    (
        "policy-regulation",
        "Policy and regulation",
        &["regulatory reform", "tax credit", "industrial policy"],
    ),
    (
        "commercialization",
        "Commercialization",
        &["mass production", "pilot line", "commercial launch"],
    ),
    (
        "safety",
        "Safety",
        &["thermal runaway", "fire safety", "abuse testing"],
    ),
    (
        "carbon-neutrality",
        "Carbon neutrality",
        &[
            "carbon neutrality",
            "net-zero target",
            "greenhouse gas reduction",
        ],
    ),
    (
        "ev-mobility",
        "Electric vehicles",
        &["electric vehicle", "EV battery", "electric bus"],
    ),
    (
        "energy-storage",
        "Energy storage",
        &["energy storage system", "grid-scale storage", "ESS project"],
    ),
    (
        "robotics-ai",
        "Robotics and AI",
        &[
            "artificial intelligence",
            "digital twin",
            "autonomous robot",
        ],
    ),
    (
        "industry-cluster",
        "Industry clusters",
        &[
            "specialized industrial complex",
            "battery cluster",
            "regional industry hub",
        ],
    ),
    (
        "international-cooperation",
        "International cooperation",
        &[
            "international cooperation",
            "memorandum of understanding",
            "joint research program",
        ],
    ),
    (
        "r-and-d",
        "Research and development",
        &[
            "research and development",
            "national R&D project",
            "core technology",
        ],
    ),
    (
        "silicon-anode",
        "Silicon anodes",
        &[
            "silicon anode",
            "silicon-carbon composite",
            "silicon oxide anode",
        ],
    ),
    (
        "battery-passport",
        "Battery passport",
        &[
            "battery passport",
            "traceability data",
            "carbon footprint declaration",
        ],
    ),
    (
        "separators",
        "Separators",
        &[
            "ceramic-coated separator",
            "wet-process separator",
            "separator film",
        ],
    ),
    (
        "electrolytes",
        "Electrolytes",
        &["liquid electrolyte", "electrolyte additive", "lithium salt"],
    ),
    (
        "manufacturing-equipment",
        "Manufacturing equipment",
        &[
            "dry electrode process",
            "formation equipment",
            "stacking machine",
        ],
    ),
    (
        "standards-certification",
        "Standards and certification",
        &[
            "international standard",
            "safety certification",
            "testing protocol",
        ],
    ),
    (
        "second-life",
        "Second-life batteries",
        &[
            "second-life battery",
            "used battery reuse",
            "repurposed module",
        ],
    ),
    (
        "battery-management",
        "Battery management",
        &[
            "battery management system",
            "state-of-health estimation",
            "cell balancing",
        ],
    ),
];

/// Place name, kind, country, Korean alias ("" when none).
pub(crate) const PLACES: &[(&str, &str, &str, &str)] = &[
    ("Korea", "country", "KR", "한국"),
    ("China", "country", "CN", "중국"),
    ("Japan", "country", "JP", "일본"),
    ("United States", "country", "US", "미국"),
    ("Germany", "country", "DE", "독일"),
    ("Hungary", "country", "HU", "헝가리"),
    ("Poland", "country", "PL", "폴란드"),
    ("Indonesia", "country", "ID", "인도네시아"),
    ("Chile", "country", "CL", "칠레"),
    ("Australia", "country", "AU", "호주"),
    ("Argentina", "country", "AR", "아르헨티나"),
    ("Canada", "country", "CA", "캐나다"),
    ("France", "country", "FR", "프랑스"),
    ("Sweden", "country", "SE", "스웨덴"),
    ("Vietnam", "country", "VN", "베트남"),
    ("Mexico", "country", "MX", "멕시코"),
    ("Morocco", "country", "MA", "모로코"),
    ("India", "country", "IN", "인도"),
    ("Gyeonggi Province", "province", "KR", "경기도"),
    ("North Chungcheong Province", "province", "KR", "충청북도"),
    ("South Chungcheong Province", "province", "KR", "충청남도"),
    ("North Gyeongsang Province", "province", "KR", "경상북도"),
    ("South Gyeongsang Province", "province", "KR", "경상남도"),
    ("North Jeolla Province", "province", "KR", "전라북도"),
    ("South Jeolla Province", "province", "KR", "전라남도"),
    ("Gangwon Province", "province", "KR", "강원도"),
    ("Jeju Province", "province", "KR", "제주도"),
    ("Ulsan Metropolitan City", "province", "KR", "울산광역시"),
    ("Busan Metropolitan City", "province", "KR", "부산광역시"),
    ("Daegu Metropolitan City", "province", "KR", "대구광역시"),
    ("Seoul", "city", "KR", "서울"),
    ("Daejeon", "city", "KR", "대전"),
    ("Pohang", "city", "KR", "포항"),
    ("Cheongju", "city", "KR", "청주"),
    ("Gumi", "city", "KR", "구미"),
    ("Gwangyang", "city", "KR", "광양"),
    ("Sejong", "city", "KR", "세종"),
    ("Changwon", "city", "KR", "창원"),
    ("Gunsan", "city", "KR", "군산"),
    ("Suwon", "city", "KR", "수원"),
    ("Incheon", "city", "KR", "인천"),
    ("Gwangju", "city", "KR", "광주"),
    ("Shanghai", "city", "CN", "상하이"),
    ("Ningde", "city", "CN", "닝더"),
    ("Nagoya", "city", "JP", "나고야"),
    ("Detroit", "city", "US", "디트로이트"),
    ("Berlin", "city", "DE", "베를린"),
    ("Budapest", "city", "HU", "부다페스트"),
    ("Yuseong District", "district", "KR", "유성구"),
    ("Gangnam District", "district", "KR", "강남구"),
    (
        "Ochang Science Industrial Complex",
        "industrial-complex",
        "KR",
        "오창과학산업단지",
    ),
    (
        "Saemangeum National Industrial Complex",
        "industrial-complex",
        "KR",
        "새만금국가산업단지",
    ),
    (
        "Pohang Blue Valley National Industrial Complex",
        "industrial-complex",
        "KR",
        "포항블루밸리국가산업단지",
    ),
    (
        "Ulsan Mipo National Industrial Complex",
        "industrial-complex",
        "KR",
        "울산미포국가산업단지",
    ),
    ("COEX", "venue", "KR", "코엑스"),
    ("KINTEX", "venue", "KR", "킨텍스"),
    ("BEXCO", "venue", "KR", "벡스코"),
    ("Europe", "region", "", "유럽"),
    ("Southeast Asia", "region", "", "동남아시아"),
    ("North America", "region", "", "북미"),
];

/// Coined syllables for company and university stems.
pub(crate) const STEM_HEADS: &[&str] = &[
    "Volt", "Lumi", "Nova", "Cera", "Ioni", "Terra", "Aero", "Helio", "Quanta", "Argo", "Coba",
    "Lithe", "Nexa", "Orbi", "Pola", "Sola", "Vira", "Zeno", "Kori", "Mira", "Hanu", "Daero",
    "Seora", "Gyeol", "Bora", "Ilsu", "Woon", "Taeri",
];
/// Endings for coined stems.
pub(crate) const STEM_TAILS: &[&str] = &[
    "tek", "ris", "gen", "cell", "nix", "vance", "ora", "lyte", "mat", "on", "dyne", "sys",
];
/// Company sectors.
pub(crate) const SECTORS: &[&str] = &[
    "Energy",
    "Materials",
    "Chemical",
    "Battery",
    "Precision",
    "Electrochem",
    "Cell",
    "Mobility",
    "Recycling",
    "Metals",
    "Equipment",
    "Systems",
    "Power",
    "Advanced Materials",
];
/// Company countries and the legal suffix used there.
pub(crate) const COMPANY_COUNTRIES: &[(&str, &str)] = &[
    ("KR", "Co., Ltd."),
    ("KR", "Co., Ltd."),
    ("KR", "Corp."),
    ("KR", "Inc."),
    ("CN", "Co., Ltd."),
    ("JP", "Corporation"),
    ("US", "Inc."),
    ("DE", "GmbH"),
    ("SE", "AB"),
    ("FR", "SA"),
    ("HU", "Kft."),
    ("PL", "Sp. z o.o."),
    ("CA", "Ltd."),
    ("AU", "Limited"),
];
/// Research fields for institutes, associations and agencies.
pub(crate) const FIELDS: &[&str] = &[
    "Battery Science",
    "Energy Materials",
    "Electrochemistry",
    "Advanced Cells",
    "Industrial Chemistry",
    "Materials Engineering",
    "Energy Research",
    "Process Technology",
    "Future Mobility",
    "Green Chemistry",
    "Mineral Resources",
    "Power Electronics",
    "Electrical Safety",
    "Nano Materials",
    "Manufacturing Innovation",
];
/// Place-like prefixes for universities and regional bodies (coined).
pub(crate) const REGIONS: &[&str] = &[
    "Hanbit", "Donghae", "Seobu", "Namgang", "Bukak", "Jungang", "Gyeongan", "Hwasan", "Cheonma",
    "Yeongsan", "Daebong", "Songdo", "Baekje", "Silla", "Goryeo", "Taebaek", "Mokpo", "Geumgang",
];
/// Korean syllables for coined Korean aliases.
pub(crate) const HANGUL: &[&str] = &[
    "한", "대", "성", "진", "우", "일", "미", "래", "에", "너", "지", "소", "재", "화", "학", "전",
    "지", "신", "광", "명", "동", "서", "남", "북", "세", "정", "원", "태", "보", "람",
];
/// Korean words for kinds of organization.
pub(crate) const HANGUL_KIND: &[(&str, &str)] = &[
    ("government", "청"),
    ("company", "㈜"),
    ("research", "연구원"),
    ("university", "대학교"),
    ("association", "협회"),
    ("other", "센터"),
];
/// Family names, romanized.
pub(crate) const FAMILY: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jeong", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh",
    "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong",
];
/// Given-name syllables, romanized.
pub(crate) const GIVEN: &[&str] = &[
    "Min", "Ji", "Seo", "Hyun", "Jun", "Woo", "Young", "Soo", "Eun", "Ho", "Jae", "Sung", "Hee",
    "Dong", "Kyung", "Tae", "Byung", "Chan",
];
/// Western given names and family names.
pub(crate) const WESTERN: &[(&str, &str)] = &[
    ("Anna", "Keller"),
    ("Marco", "Ruiz"),
    ("Laura", "Bennett"),
    ("Tomas", "Novak"),
    ("Ingrid", "Larsen"),
    ("Pierre", "Lambert"),
    ("Sofia", "Marino"),
    ("Daniel", "Okafor"),
    ("Hiroshi", "Tanabe"),
    ("Wei", "Zhang"),
    ("Priya", "Raman"),
    ("Lukas", "Brandt"),
];
/// Roles of people.
pub(crate) const ROLES: &[&str] = &[
    "President",
    "Chief Executive Officer",
    "Senior Researcher",
    "Principal Researcher",
    "Director General",
    "Vice Minister",
    "Professor",
    "Head of the Battery Division",
    "Chief Technology Officer",
    "Team Leader",
    "Vice President",
    "Chairman",
];
/// Publishers of the synthetic sources (coined outlets).
pub(crate) const PUBLISHERS: &[(&str, &str)] = &[
    ("Battery Industry Wire", "battery-wire.example"),
    ("Korea Energy Daily", "energy-daily.example"),
    ("Cell Market Review", "cellmarket.example"),
    ("Industrial Policy Bulletin", "policy-bulletin.example"),
    ("Materials Week", "materials-week.example"),
    ("Green Mobility Times", "greenmobility.example"),
];
/// Verbs for announcements ("X {verb} ...").
pub(crate) const ANNOUNCE: &[&str] = &[
    "announced",
    "unveiled",
    "confirmed",
    "outlined",
    "presented",
    "disclosed",
];
/// What is being announced: noun phrases taking a topic keyword.
pub(crate) const PLANS: &[&str] = &[
    "a plan to expand {kw} capacity",
    "a joint program on {kw}",
    "a roadmap for {kw}",
    "new support measures for {kw}",
    "a pilot project built around {kw}",
    "an investment package covering {kw}",
    "a consortium to accelerate {kw}",
];
/// Event nouns for titles and sentences.
pub(crate) const EVENT_NOUNS: &[&str] = &[
    "forum",
    "workshop",
    "groundbreaking ceremony",
    "technology seminar",
    "signing ceremony",
    "briefing session",
    "industry conference",
    "plant opening",
    "pilot line launch",
    "exhibition",
];
/// Filler sentences: `{anyorg}`, `{kw}`, `{kw2}`, `{place}`, `{year}` are filled in.
pub(crate) const FILLER: &[&str] = &[
    "Industry officials said {kw} remains the area where cell makers compete most intensely.",
    "The work builds on earlier studies of {kw} carried out with partners in {place}.",
    "Analysts expect demand for {kw} to keep growing as automakers lock in supply for the next decade.",
    "{anyorg} said it would share interim results with suppliers before the end of {year}.",
    "Participants discussed how {kw} and {kw2} could be combined in a single production line.",
    "Officials in {place} said local suppliers would be invited to the next round of talks.",
    "The program is designed so that small and medium-sized suppliers can test equipment without building their own lines.",
    "Researchers noted that cost, rather than performance, is now the main barrier for {kw}.",
    "A spokesperson for {anyorg} said the schedule depends on permits and on equipment deliveries.",
    "Several participants pointed to {kw2} as the next bottleneck once {kw} reaches volume.",
    "The committee will review progress every quarter and publish a summary of the findings.",
    "Companies in {place} have already begun hiring engineers with experience in {kw}.",
    "Independent experts cautioned that early results on {kw} still need to be reproduced at scale.",
    "The agreement covers joint testing, exchange of researchers and shared use of analysis equipment.",
    "{anyorg} plans to publish a technical report on {kw} that other institutions can build on.",
    "Demand from the stationary storage market has eased the pressure on automotive orders.",
    "The effort is part of a broader push to reduce dependence on a small number of refiners.",
    "Local universities will offer short courses so that technicians can move into {kw} lines.",
    "Officials said the measures would be revised if market conditions change sharply in {year}.",
    "According to {anyorg}, prototype cells have passed the first round of safety tests.",
];
/// Section headings.
pub(crate) const HEADINGS: &[&str] = &[
    "Background",
    "What was announced",
    "Technology and targets",
    "Industry reaction",
    "Funding and schedule",
    "Next steps",
    "Regional impact",
    "Key numbers",
];
/// List items about a strategy (`{kw}` filled in).
pub(crate) const LIST_ITEMS: &[&str] = &[
    "Securing a stable supply of {kw} through long-term contracts",
    "Building shared testing infrastructure for {kw}",
    "Training engineers and technicians for {kw} lines",
    "Supporting small suppliers that enter the {kw} market",
    "Harmonizing standards for {kw} with international partners",
    "Expanding public funding for early-stage {kw} research",
    "Creating a recycling loop for scrap from {kw} production",
];
/// Korean site-UI lines for seed noise.
pub(crate) const UI_KOREAN: &[&str] = &[
    "본문으로 바로가기",
    "주메뉴 바로가기",
    "배너존",
    "사이트맵",
    "로그인",
    "전체메뉴",
    "인쇄하기",
    "목록",
    "이전글",
    "다음글",
];
/// English navigation lines for seed noise.
pub(crate) const UI_ENGLISH: &[&str] = &[
    "Home",
    "News & Event",
    "Press Releases",
    "Notice",
    "Skip to main content",
    "Share",
    "Print",
    "Font size",
    "List",
    "Top",
];
/// Headlines unrelated to the battery story, listed after it on news pages.
pub(crate) const UNRELATED: &[&str] = &[
    "City announces spring festival schedule for riverside park",
    "Weekend weather: showers expected along the southern coast",
    "Local library extends opening hours during exam season",
    "Baseball club signs veteran pitcher on one-year deal",
    "New ferry route to connect two island towns from next month",
    "Food market survey finds rising prices for seasonal fruit",
    "Museum opens exhibition of early twentieth-century posters",
    "Marathon organizers reroute course after road works",
    "School lunch program adds vegetarian menu twice a week",
    "Film festival unveils lineup of opening-night screenings",
];
