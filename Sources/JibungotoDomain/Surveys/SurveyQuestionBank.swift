/// Ready-made questions to copy into a survey, in the four themes of the HR development work
/// (働きがい, 人材育成基本方針の認知・理解, 職場の魅力, 対話の機会) plus two free-text questions.
///
/// Wording follows the style of municipal staff surveys: short statements answered on the
/// 5-point agreement scale, plain 「です・ます」-free declaratives, no double questions.
/// Ids are stable; a copied question keeps its id so results can be compared across cycles.
public enum SurveyQuestionBank {
    /// Every question in the bank, grouped by theme in display order.
    public static let all: [SurveyQuestion] = engagement + policyAwareness + workplace + dialogue + openComments

    /// The questions of one theme.
    public static func questions(in theme: SurveyTheme) -> [SurveyQuestion] {
        all.filter { $0.theme == theme }
    }

    /// The bank question with this id.
    public static func question(id: String) -> SurveyQuestion? {
        all.first { $0.id == id }
    }

    private static func likert(_ id: String, _ theme: SurveyTheme, _ ja: String, _ en: String) -> SurveyQuestion {
        SurveyQuestion(id: id, kind: .likert5, text: Bilingual(ja: ja, en: en), isRequired: true, theme: theme)
    }

    static let engagement: [SurveyQuestion] = [
        likert("eng.useful", .engagement,
               "自分の仕事が市民の役に立っていると感じる",
               "I feel that my work is of use to the people of the city."),
        likert("eng.growth", .engagement,
               "今の仕事を通じて、自分が成長していると感じる",
               "I feel that I am growing through my current work."),
        likert("eng.strengths", .engagement,
               "自分の能力や経験を、今の仕事で十分に生かせている",
               "I can make good use of my abilities and experience in my current work."),
        likert("eng.pride", .engagement,
               "市の職員として働いていることに誇りを持っている",
               "I am proud to work for the city."),
        likert("eng.recognition", .engagement,
               "仕事の成果や努力が、職場で適切に認められている",
               "My results and efforts are properly recognized at work."),
        likert("eng.stay", .engagement,
               "これからもこの市で働き続けたいと思う",
               "I want to go on working for this city."),
        SurveyQuestion(
            id: "eng.recommend", kind: .scale0to10,
            text: Bilingual(
                ja: "この市役所を働く場所として、親しい友人や知人にどの程度すすめたいと思いますか",
                en: "How likely are you to recommend this city hall as a place to work to a friend or acquaintance?"),
            isRequired: true, theme: .engagement),
    ]

    static let policyAwareness: [SurveyQuestion] = [
        likert("pol.know", .policyAwareness,
               "市の人材育成基本方針の内容を知っている",
               "I know what the city's basic policy on human resource development says."),
        likert("pol.image", .policyAwareness,
               "人材育成基本方針が掲げる「目指す職員像」を、自分の言葉で説明できる",
               "I could explain in my own words the \"staff we aim to be\" that the policy sets out."),
        likert("pol.relevant", .policyAwareness,
               "人材育成基本方針は、自分の日々の仕事や成長に関係があると思う",
               "I think the policy has to do with my daily work and my development."),
        likert("pol.career", .policyAwareness,
               "経験したい部署や仕事など、将来のキャリアを具体的に描けている",
               "I have a concrete picture of my future career, such as the sections and work I want to experience."),
        likert("pol.learning", .policyAwareness,
               "仕事に必要な研修や学びの機会を受けることができている",
               "I can get the training and learning opportunities my work requires."),
        SurveyQuestion(
            id: "pol.source", kind: .singleChoice,
            text: Bilingual(
                ja: "人材育成や人事制度に関する情報を、主にどこから得ていますか",
                en: "Where do you mainly get information about staff development and HR schemes?"),
            options: [
                SurveyOption(key: "groupware", ja: "庁内グループウェアの掲示板", en: "The groupware bulletin board"),
                SurveyOption(key: "colleagues", ja: "上司や同僚から", en: "From my manager or colleagues"),
                SurveyOption(key: "training", ja: "研修の場で", en: "At training sessions"),
                SurveyOption(key: "newsletter", ja: "庁内報や通知文書", en: "The staff newsletter or official notices"),
                SurveyOption(key: "none", ja: "特に得ていない", en: "I do not really get any"),
            ],
            theme: .policyAwareness),
    ]

    static let workplace: [SurveyQuestion] = [
        likert("att.balance", .workplaceAttractiveness,
               "仕事と家庭・私生活を両立しやすい職場である",
               "My workplace makes it easy to balance work with family and private life."),
        likert("att.leave", .workplaceAttractiveness,
               "休暇や、子育て・介護を支える制度を、気兼ねなく利用できる",
               "I can use leave and the childcare and family-care schemes without feeling awkward."),
        likert("att.help", .workplaceAttractiveness,
               "困ったときに、職場で助けを求めやすい",
               "When I am in difficulty, it is easy to ask for help at work."),
        likert("att.ideas", .workplaceAttractiveness,
               "新しい取組や業務改善の提案が歓迎される職場である",
               "My workplace welcomes new initiatives and proposals to improve our work."),
        likert("att.young", .workplaceAttractiveness,
               "市役所は、これから就職する若い人にとって魅力ある職場だと思う",
               "I think the city hall is an attractive place to work for young people entering the workforce."),
        SurveyQuestion(
            id: "att.needs", kind: .multipleChoice,
            text: Bilingual(
                ja: "職場の魅力を高めるために、特に必要だと思うものを選んでください（いくつでも）",
                en: "Which of these do you think are most needed to make the workplace more attractive? (Choose any.)"),
            options: [
                SurveyOption(key: "flexible", ja: "柔軟な働き方（時差出勤・テレワークなど）",
                             en: "Flexible working (staggered hours, telework, etc.)"),
                SurveyOption(key: "family", ja: "子育て・介護と仕事の両立支援", en: "Support for combining work with childcare or family care"),
                SurveyOption(key: "rotation", ja: "本人の希望を踏まえた人事異動", en: "Transfers that take staff wishes into account"),
                SurveyOption(key: "learning", ja: "研修・自己啓発への支援", en: "Support for training and self-development"),
                SurveyOption(key: "digital", ja: "業務の効率化・デジタル化", en: "More efficient, digital ways of working"),
                SurveyOption(key: "dialogue", ja: "職員同士の交流・対話の場", en: "Occasions for staff to meet and talk"),
                SurveyOption(key: "evaluation", ja: "納得できる人事評価とフィードバック", en: "Fair evaluation and feedback"),
            ],
            theme: .workplaceAttractiveness),
    ]

    static let dialogue: [SurveyQuestion] = [
        likert("dia.frank", .dialogue,
               "上司や同僚と、仕事の進め方について率直に話し合える機会がある",
               "I have opportunities to talk frankly with my manager and colleagues about how we do our work."),
        likert("dia.career", .dialogue,
               "上司と、自分のキャリアや成長について話す機会がある",
               "I have opportunities to talk with my manager about my career and development."),
        likert("dia.cross", .dialogue,
               "他の部署の職員と、仕事について意見を交わす機会がある",
               "I have opportunities to exchange views about work with staff from other sections."),
        likert("dia.heard", .dialogue,
               "自分の意見や提案が、組織の中で受け止められていると感じる",
               "I feel that my opinions and proposals are taken seriously in the organization."),
        likert("dia.citizens", .dialogue,
               "市民や地域の方々と直接対話する機会がある",
               "I have opportunities to talk directly with residents and local communities."),
        SurveyQuestion(
            id: "dia.sessions", kind: .singleChoice,
            text: Bilingual(
                ja: "この1年間に、所属を越えた職員同士の対話の場（勉強会・ワークショップなど）に何回参加しましたか",
                en: "In the past year, how many times have you taken part in dialogue across sections (study groups, workshops, etc.)?"),
            options: [
                SurveyOption(key: "0", ja: "参加していない", en: "Not at all"),
                SurveyOption(key: "1", ja: "1回", en: "Once"),
                SurveyOption(key: "2-3", ja: "2〜3回", en: "2–3 times"),
                SurveyOption(key: "4+", ja: "4回以上", en: "4 times or more"),
            ],
            theme: .dialogue),
    ]

    static let openComments: [SurveyQuestion] = [
        SurveyQuestion(
            id: "free.good", kind: .freeText,
            text: Bilingual(
                ja: "あなたの職場の良いところや、これからも続けてほしい取組を教えてください",
                en: "What is good about your workplace, and what should we keep doing?"),
            theme: .openComments),
        SurveyQuestion(
            id: "free.ideas", kind: .freeText,
            text: Bilingual(
                ja: "働きやすく、働きがいのある職場にするためのご意見・ご提案があればお書きください",
                en: "Please share any views or proposals for making the workplace easier and more rewarding to work in."),
            theme: .openComments),
    ]
}
