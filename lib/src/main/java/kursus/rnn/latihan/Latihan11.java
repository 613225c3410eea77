package kursus.rnn.latihan;

import java.util.ArrayList;
import java.util.List;
import kursus.rnn.core.Msg;

/**
 * Exercise 11 (lesson 11, the summary): a self-test quiz of ten multiple-choice questions, one per
 * big idea of the course (hidden state, BPTT, vanishing gradient, clipping, LSTM, forget gate, GRU,
 * temperature, many-to-one, stock prediction).
 *
 * <p>{@link #printQuiz()} prints the questions in both languages. The student answers with one letter per
 * question, in order ({@code "ABCD…"}; spaces, commas and lower case are fine, {@code ?} or {@code -}
 * leaves a question open). {@link #checkQuiz} prints the score and, for every wrong answer, an
 * explanation of the misconception behind the chosen option that points back to the lesson, without
 * naming the right letter; it throws when an answer is wrong or missing.
 */
public final class Latihan11 {
    private Latihan11() {}

    static final String EXERCISE = "Latihan 11.1";

    /** The student's function: the answers, one letter A–D per question, in order. */
    @FunctionalInterface
    public interface Answers {
        String answers();
    }

    /** The misconception behind each wrong option (and the usual NONE/EXCEPTION/NULL_RESULT/UNKNOWN). */
    public enum Mistake implements Explained {
        NONE("benar", "correct"),
        EXCEPTION("fungsi melempar exception; baca pesannya", "the function threw an exception; read its message"),
        NULL_RESULT("fungsi mengembalikan null; kembalikan teks jawaban, mis. \"ABCD…\"",
                "the function returned null; return the answers as text, e.g. \"ABCD…\""),
        WRONG_FORMAT("jawaban harus tepat 10 huruf A–D (boleh dipisah spasi/koma; ? atau - untuk soal yang belum dijawab)",
                "the answers must be exactly 10 letters A–D (spaces/commas allowed; ? or - for a question not answered yet)"),
        NOT_ANSWERED("masih ada soal yang belum dijawab (? atau -)", "some questions are not answered yet (? or -)"),
        NO_RECURRENCE("tanpa h_{t−1} sel tidak punya ingatan: tiap langkah berdiri sendiri seperti jaringan biasa. "
                + "Lihat lagi apa yang membawa informasi dari langkah sebelumnya (pelajaran 02).",
                "without h_{t−1} the cell has no memory: every step stands alone like an ordinary network. "
                        + "Look again at what carries information from the previous step (lesson 02)."),
        WEIGHTS_PER_STEP("bobot baru untuk setiap langkah berarti jumlah parameter tumbuh dengan panjang urutan, dan urutan yang "
                + "lebih panjang dari data latih tidak bisa diproses. Ingat apa arti \"berbagi bobot\" saat RNN dibentangkan (pelajaran 02, 03).",
                "new weights for every step would make the number of parameters grow with the sequence length, and a sequence "
                        + "longer than the training data could not be processed. Recall what \"shared weights\" means when the RNN is unrolled (lessons 02, 03)."),
        IGNORES_INPUT("jika h_t hanya bergantung pada h_{t−1}, kata-kata dalam kalimat tidak pernah masuk ke jaringan. "
                + "Di mana x_t masuk ke persamaan sel? (pelajaran 02)",
                "if h_t depended only on h_{t−1}, the words of the sentence would never enter the network. "
                        + "Where does x_t enter the cell's equation? (lesson 02)"),
        LAST_STEP_ONLY("W_hh dipakai di setiap langkah, jadi setiap langkah ikut menentukan loss lewat W_hh. "
                + "Apa yang terjadi dengan kontribusi langkah-langkah lain? (pelajaran 03, loop mundur)",
                "W_hh is used at every step, so every step affects the loss through W_hh. "
                        + "What happens to the contributions of the other steps? (lesson 03, the backward loop)"),
        WEIGHT_NOT_GRADIENT("pilihan ini mencampur bobot dengan gradien: BPTT menghitung turunan loss terhadap satu matriks W_hh "
                + "yang sama, bukan rata-rata bobot. Lihat bagaimana dW_hh dikumpulkan di loop mundur (pelajaran 03).",
                "this option mixes up weights and gradients: BPTT computes the derivative of the loss with respect to the one shared "
                        + "W_hh, not an average of weights. See how dW_hh is collected in the backward loop (lesson 03)."),
        LEARNING_RATE_BLAME("laju pembelajaran yang lebih besar memperbesar SEMUA langkah pembaruan, tetapi tidak mengubah "
                + "rasio antara gradien untuk langkah awal dan langkah akhir. Perhatikan apa yang terjadi pada gradien saat mengalir mundur "
                + "melewati banyak langkah (pelajaran 04).",
                "a larger learning rate scales ALL updates, but does not change the ratio between the gradient for early and for late "
                        + "steps. Look at what happens to the gradient as it flows back through many steps (lesson 04)."),
        OUTPUT_LAYER_BLAME("lapisan keluaran hanya dilewati sekali per langkah; masalahnya muncul makin parah untuk jarak yang makin "
                + "panjang. Apa yang diulang sekali per langkah waktu di loop mundur? (pelajaran 04)",
                "the output layer is passed once per step; the problem gets worse the longer the distance. "
                        + "What is repeated once per time step in the backward loop? (lesson 04)"),
        DATA_BLAME("lebih banyak data tidak mengubah bentuk gradien untuk satu contoh; di pelajaran 04 gradiennya mengecil "
                + "bahkan untuk satu urutan. Lihat grafik norma gradien per langkah.",
                "more data does not change the shape of the gradient of one example; in lesson 04 it shrinks even for a "
                        + "single sequence. Look at the chart of the gradient norm per step."),
        CLIPPING_FOR_VANISHING("pemotongan gradien hanya pernah MEMPERKECIL gradien. Masalah mana yang bisa diatasi dengan "
                + "memperkecil? (pelajaran 04)",
                "gradient clipping only ever makes gradients SMALLER. Which problem can be fixed by shrinking? (lesson 04)"),
        CLIPPING_IS_RELU("mengubah tanda atau menolkan entri mengubah arah gradien; pemotongan dengan norma global justru menjaga "
                + "arahnya. Bandingkan dengan Latihan 4.",
                "changing signs or zeroing entries changes the gradient's direction; clipping by global norm keeps the direction. "
                        + "Compare with Exercise 4."),
        CLIPPING_CHANGES_LR("pemotongan hanya berlaku pada langkah yang gradiennya terlalu besar, lalu langkah berikutnya "
                + "normal lagi; laju pembelajaran tidak disentuh. Lihat berapa langkah yang dipotong di pelajaran 04.",
                "clipping acts only on the steps whose gradient is too large; the next step is normal again and the learning "
                        + "rate is not touched. See how many steps were clipped in lesson 04."),
        SIZE_NOT_STRUCTURE("RNN vanilla yang lebih besar tetap mengalikan gradien dengan faktor per langkah; yang berbeda pada LSTM "
                + "adalah bentuk pembaruan state selnya (pelajaran 05).",
                "a bigger vanilla RNN still multiplies the gradient by a factor per step; what differs in the LSTM is the form of "
                        + "its cell-state update (lesson 05)."),
        OUTPUT_GATE_STORES("gerbang keluaran hanya memilih bagian state sel yang ditampilkan sebagai h_t; ia tidak menyimpan apa pun. "
                + "Di mana informasi lama dibawa dari langkah ke langkah? (pelajaran 05)",
                "the output gate only selects which part of the cell state is shown as h_t; it stores nothing. "
                        + "Where is old information carried from step to step? (lesson 05)"),
        RELU_MYTH("LSTM di kursus ini memakai sigmoid dan tanh. Perhatikan operasi yang menghubungkan c_{t−1} dan c_t (pelajaran 05).",
                "the LSTM in this course uses sigmoid and tanh. Look at the operation that connects c_{t−1} and c_t (lesson 05)."),
        FORGET_GATE_INVERTED("f_t mengalikan c_{t−1}. Hitung f_t ∘ c_{t−1} untuk f_t = 0: apa yang tersisa dari state lama?",
                "f_t multiplies c_{t−1}. Compute f_t ∘ c_{t−1} for f_t = 0: what is left of the old state?"),
        GATE_CONFUSED("itu tugas gerbang lain. Tuliskan persamaan c_t dan h_t LSTM, lalu cari di mana tepatnya f_t muncul (pelajaran 05).",
                "that is the job of another gate. Write the LSTM's c_t and h_t equations and find exactly where f_t appears (lesson 05)."),
        GRU_IS_LSTM("hitung blok bobot GRU di pelajaran 06: berapa gerbang, dan apakah ada c_t terpisah?",
                "count the GRU's weight blocks in lesson 06: how many gates, and is there a separate c_t?"),
        GRU_NO_GATES("GRU justru diciptakan dengan gerbang untuk mengatasi gradien menghilang; lihat z_t dan r_t di pelajaran 06.",
                "the GRU was designed with gates precisely against vanishing gradients; see z_t and r_t in lesson 06."),
        ALWAYS_BETTER("pelajaran 06 membandingkan keduanya dengan beberapa seed: hasilnya bergantung pada tugas dan anggaran. "
                + "Klaim \"selalu\" butuh bukti yang tidak ada.",
                "lesson 06 compares the two over several seeds: the result depends on the task and the budget. "
                        + "A claim of \"always\" needs evidence that is not there."),
        TEMPERATURE_INVERTED("logit dibagi dengan τ sebelum softmax. Coba hitung untuk dua logit 2 dan 1: apakah τ besar "
                + "membuat peluangnya makin berbeda atau makin mirip? (pelajaran 08)",
                "the logits are divided by τ before the softmax. Try two logits 2 and 1: does a large τ make their "
                        + "probabilities more different or more alike? (lesson 08)"),
        TEMPERATURE_IN_TRAINING("temperatur hanya dipakai saat pengambilan sampel, setelah pelatihan; bobot tidak berubah. "
                + "Apa yang diubah τ dalam distribusi karakter berikutnya? (pelajaran 08)",
                "the temperature is used only when sampling, after training; the weights do not change. "
                        + "What does τ change in the distribution of the next character? (lesson 08)"),
        WRONG_RNN_TYPE("hitung berapa masukan dan berapa keluaran yang dimiliki tugas ini: satu ulasan masuk, berapa label keluar? "
                + "(pelajaran 07, 09)",
                "count the inputs and outputs of this task: one review goes in, how many labels come out? (lessons 07, 09)"),
        ORDER_IGNORED("itu pembanding dasar bag-of-words, yang mengabaikan urutan kata; RNN membaca kata satu per satu. "
                + "Lihat contoh negasi di pelajaran 09.",
                "that is the bag-of-words baseline, which ignores word order; the RNN reads the words one by one. "
                        + "See the negation examples in lesson 09."),
        TRUSTS_PRICE_FIT("harga besok hampir sama dengan harga hari ini, jadi model yang hanya menyalin hari ini pun "
                + "mendapat galat kecil. Bandingkan dengan pembanding dasar \"besok = hari ini\" (pelajaran 10).",
                "tomorrow's price is almost today's, so a model that only copies today also gets a small error. "
                        + "Compare with the \"tomorrow = today\" baseline (lesson 10)."),
        LEAKAGE("menyesuaikan scaler dengan SEMUA data memasukkan informasi dari periode uji ke pelatihan (kebocoran); "
                + "hasil uji terlihat lebih baik dari kenyataannya (pelajaran 10).",
                "fitting the scaler on ALL the data lets information from the test period into training (leakage); the test "
                        + "result looks better than it is (lesson 10)."),
        UNKNOWN("jawaban salah", "wrong answer");

        private final String id;
        private final String en;

        Mistake(String id, String en) {
            this.id = id;
            this.en = en;
        }

        @Override
        public String indonesian() {
            return id;
        }

        @Override
        public String english() {
            return en;
        }
    }

    /**
     * One question: text and four options in both languages, the right letter, and the mistake behind each
     * wrong option ({@code mistakes[k]} for option {@code 'A' + k}; null at the right one).
     */
    record Question(String id, String en, String[] optionsId, String[] optionsEn, char answer, Mistake[] mistakes) {}

    private static Question q(String id, String en, char answer, String[] optId, String[] optEn, Mistake... wrong) {
        Mistake[] m = new Mistake[4];
        int w = 0;
        for (int k = 0; k < 4; k++) {
            m[k] = k == answer - 'A' ? null : wrong[w++];
        }
        return new Question(id, en, optId, optEn, answer, m);
    }

    static final List<Question> QUESTIONS = List.of(
            q("State tersembunyi RNN vanilla dihitung dengan …",
                    "The hidden state of a vanilla RNN is computed as …", 'C',
                    new String[] {
                        "h_t = tanh(x_t·W_xh + b_h): hanya dari masukan langkah ini",
                        "dari x_t dan h_{t−1}, dengan matriks W_hh baru untuk setiap langkah t",
                        "h_t = tanh(x_t·W_xh + h_{t−1}·W_hh + b_h), dengan bobot yang sama di setiap langkah",
                        "h_t = tanh(h_{t−1}·W_hh + b_h): hanya dari state sebelumnya"},
                    new String[] {
                        "h_t = tanh(x_t·W_xh + b_h): from this step's input only",
                        "from x_t and h_{t−1}, with a new matrix W_hh for every step t",
                        "h_t = tanh(x_t·W_xh + h_{t−1}·W_hh + b_h), with the same weights at every step",
                        "h_t = tanh(h_{t−1}·W_hh + b_h): from the previous state only"},
                    Mistake.NO_RECURRENCE, Mistake.WEIGHTS_PER_STEP, Mistake.IGNORES_INPUT),
            q("Dalam BPTT, gradien loss terhadap W_hh adalah …",
                    "In BPTT, the gradient of the loss with respect to W_hh is …", 'A',
                    new String[] {
                        "jumlah kontribusi dari semua langkah waktu t = 1..T",
                        "kontribusi langkah terakhir saja, karena di sanalah loss dihitung",
                        "dihitung terpisah per langkah, dan setiap langkah memperbarui salinan W_hh-nya sendiri",
                        "rata-rata nilai W_hh di semua langkah"},
                    new String[] {
                        "the sum of the contributions of all time steps t = 1..T",
                        "the contribution of the last step only, because that is where the loss is computed",
                        "computed per step, and every step updates its own copy of W_hh",
                        "the average value of W_hh over all steps"},
                    Mistake.LAST_STEP_ONLY, Mistake.WEIGHTS_PER_STEP, Mistake.WEIGHT_NOT_GRADIENT),
            q("Mengapa gradien menghilang pada RNN vanilla untuk urutan panjang?",
                    "Why do gradients vanish in a vanilla RNN over long sequences?", 'D',
                    new String[] {
                        "karena laju pembelajaran terlalu kecil",
                        "karena softmax di lapisan keluaran jenuh",
                        "karena data latih terlalu sedikit",
                        "karena gradien ke langkah awal adalah hasil kali satu faktor per langkah (W_hhᵀ dan tanh′ ≤ 1); "
                                + "banyak faktor yang lebih kecil dari 1 mengecil secara eksponensial"},
                    new String[] {
                        "because the learning rate is too small",
                        "because the softmax of the output layer saturates",
                        "because there is too little training data",
                        "because the gradient to an early step is a product of one factor per step (W_hhᵀ and tanh′ ≤ 1); "
                                + "many factors below 1 shrink exponentially"},
                    Mistake.LEARNING_RATE_BLAME, Mistake.OUTPUT_LAYER_BLAME, Mistake.DATA_BLAME),
            q("Pemotongan gradien dengan norma global (gradient clipping) …",
                    "Gradient clipping by global norm …", 'B',
                    new String[] {
                        "memperbesar gradien yang terlalu kecil, sehingga mengatasi gradien menghilang",
                        "menskalakan semua gradien bersama-sama bila normanya melewati ambang: penangkal gradien meledak",
                        "menolkan entri gradien yang negatif",
                        "menurunkan laju pembelajaran secara permanen setelah satu langkah besar"},
                    new String[] {
                        "scales up gradients that are too small, which fixes vanishing gradients",
                        "rescales all gradients together when their norm exceeds a threshold: a remedy for exploding gradients",
                        "sets the negative gradient entries to zero",
                        "lowers the learning rate for good after one large step"},
                    Mistake.CLIPPING_FOR_VANISHING, Mistake.CLIPPING_IS_RELU, Mistake.CLIPPING_CHANGES_LR),
            q("Apa yang membuat LSTM bisa membawa informasi melewati banyak langkah?",
                    "What lets an LSTM carry information across many steps?", 'A',
                    new String[] {
                        "state sel diperbarui secara aditif, c_t = f_t ∘ c_{t−1} + i_t ∘ c̃_t; dengan f_t ≈ 1 gradien lewat hampir utuh",
                        "state tersembunyinya lebih besar daripada RNN vanilla",
                        "gerbang keluaran o_t menyimpan informasi lama",
                        "LSTM memakai ReLU, bukan tanh"},
                    new String[] {
                        "the cell state is updated additively, c_t = f_t ∘ c_{t−1} + i_t ∘ c̃_t; with f_t ≈ 1 the gradient passes almost unchanged",
                        "its hidden state is larger than a vanilla RNN's",
                        "the output gate o_t stores the old information",
                        "the LSTM uses ReLU instead of tanh"},
                    Mistake.SIZE_NOT_STRUCTURE, Mistake.OUTPUT_GATE_STORES, Mistake.RELU_MYTH),
            q("Pada LSTM, gerbang lupa f_t yang mendekati 0 berarti …",
                    "In an LSTM, a forget gate f_t close to 0 means …", 'C',
                    new String[] {
                        "state sel lama c_{t−1} disimpan utuh",
                        "masukan baru x_t diabaikan",
                        "state sel lama c_{t−1} dihapus: c_t ≈ i_t ∘ c̃_t",
                        "keluaran h_t menjadi 0"},
                    new String[] {
                        "the old cell state c_{t−1} is kept whole",
                        "the new input x_t is ignored",
                        "the old cell state c_{t−1} is erased: c_t ≈ i_t ∘ c̃_t",
                        "the output h_t becomes 0"},
                    Mistake.FORGET_GATE_INVERTED, Mistake.GATE_CONFUSED, Mistake.GATE_CONFUSED),
            q("Dibanding LSTM, GRU …", "Compared with an LSTM, a GRU …", 'D',
                    new String[] {
                        "punya state sel terpisah dan tiga gerbang, sama seperti LSTM",
                        "tidak punya gerbang; ia RNN vanilla dengan nama lain",
                        "selalu mencapai loss yang lebih rendah",
                        "tidak punya state sel terpisah, memakai dua gerbang (pembaruan z_t, reset r_t) dan tiga blok bobot, "
                                + "bukan empat: parameternya lebih sedikit"},
                    new String[] {
                        "has a separate cell state and three gates, just like the LSTM",
                        "has no gates; it is a vanilla RNN under another name",
                        "always reaches a lower loss",
                        "has no separate cell state, uses two gates (update z_t, reset r_t) and three weight blocks instead "
                                + "of four: fewer parameters"},
                    Mistake.GRU_IS_LSTM, Mistake.GRU_NO_GATES, Mistake.ALWAYS_BETTER),
            q("Saat membangkitkan teks karakter demi karakter, temperatur τ yang lebih tinggi (mis. 1,5) …",
                    "When generating text character by character, a higher temperature τ (e.g. 1.5) …", 'B',
                    new String[] {
                        "membuat teks lebih mudah ditebak: karakter yang paling mungkin hampir selalu dipilih",
                        "meratakan distribusi: teks lebih beragam dan mengejutkan, tetapi lebih banyak salah eja",
                        "mengubah bobot model sehingga loss pelatihan turun",
                        "sama dengan τ → 0, yang membuat pilihan acak seragam"},
                    new String[] {
                        "makes the text more predictable: the most likely character is picked almost always",
                        "flattens the distribution: more varied, surprising text, but more misspellings",
                        "changes the model's weights so the training loss goes down",
                        "is the same as τ → 0, which makes the choice uniformly random"},
                    Mistake.TEMPERATURE_INVERTED, Mistake.TEMPERATURE_IN_TRAINING, Mistake.TEMPERATURE_INVERTED),
            q("Analisis sentimen satu ulasan (positif/negatif) dengan RNN adalah tugas …",
                    "Sentiment analysis of one review (positive/negative) with an RNN is a task of type …", 'C',
                    new String[] {
                        "one-to-many: satu label menghasilkan urutan kata",
                        "many-to-many sejajar: satu label untuk setiap kata",
                        "many-to-one: baca seluruh ulasan, klasifikasikan dari state setelah kata asli terakhir (padding di-mask)",
                        "hitung kata positif dan negatif tanpa memperhatikan urutannya"},
                    new String[] {
                        "one-to-many: one label produces a sequence of words",
                        "many-to-many, aligned: one label for every word",
                        "many-to-one: read the whole review, classify from the state after the last real word (padding masked)",
                        "count positive and negative words regardless of their order"},
                    Mistake.WRONG_RNN_TYPE, Mistake.WRONG_RNN_TYPE, Mistake.ORDER_IGNORED),
            q("Sebuah LSTM memprediksi harga penutupan besok dengan RMSE yang hampir sama dengan \"besok = hari ini\". Artinya …",
                    "An LSTM predicts tomorrow's closing price with an RMSE almost equal to \"tomorrow = today\". This means …", 'A',
                    new String[] {
                        "model kemungkinan besar hanya menyalin harga hari ini; akurasi arah dan pembanding dasar harus dilihat dulu",
                        "model sudah belajar meramal pasar, karena kurvanya sangat mendekati harga asli",
                        "scaler sebaiknya disesuaikan dengan seluruh data agar RMSE turun",
                        "RMSE yang kecil pada harga membuktikan arah naik/turun juga tertebak"},
                    new String[] {
                        "the model most likely just copies today's price; look at directional accuracy and the baseline first",
                        "the model has learned to forecast the market, because its curve is very close to the real price",
                        "the scaler should be fitted on all the data so that the RMSE goes down",
                        "a small RMSE on prices proves that the up/down direction is predicted too"},
                    Mistake.TRUSTS_PRICE_FIT, Mistake.LEAKAGE, Mistake.TRUSTS_PRICE_FIT));

    /** Number of questions. */
    public static int questionCount() {
        return QUESTIONS.size();
    }

    /** The quiz as text: every question and its options A–D, in Indonesian then in English. */
    public static String quizText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < QUESTIONS.size(); i++) {
            Question q = QUESTIONS.get(i);
            sb.append(i + 1).append(". [ID] ").append(q.id()).append('\n');
            for (int k = 0; k < 4; k++) {
                sb.append("     ").append((char) ('A' + k)).append(") ").append(q.optionsId()[k]).append('\n');
            }
            sb.append("   [EN] ").append(q.en()).append('\n');
            for (int k = 0; k < 4; k++) {
                sb.append("     ").append((char) ('A' + k)).append(") ").append(q.optionsEn()[k]).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Prints {@link #quizText()}. */
    public static void printQuiz() {
        System.out.print(quizText());
    }

    /** Prints the verdict on the student's answers; throws {@link ExerciseFailedException} unless all are right. */
    public static void checkQuiz(Answers f) {
        Exercise.report(EXERCISE, evaluateQuiz(f));
    }

    /** The verdict on the student's answers (for tests). Its mistake is the one behind the first wrong answer. */
    public static Verdict<Mistake> evaluateQuiz(Answers f) {
        if (f == null) {
            return Verdict.fail(Mistake.NULL_RESULT, Exercise.noFunction());
        }
        String raw;
        try {
            raw = f.answers();
        } catch (RuntimeException e) {
            return Verdict.fail(Mistake.EXCEPTION, Msg.of(Mistake.EXCEPTION.indonesian() + ": " + Exercise.threw(e),
                    Mistake.EXCEPTION.english() + ": " + Exercise.threw(e)));
        }
        if (raw == null) {
            return Verdict.fail(Mistake.NULL_RESULT, Msg.of(Mistake.NULL_RESULT.indonesian(), Mistake.NULL_RESULT.english()));
        }
        String a = raw.replaceAll("[\\s,;]", "").toUpperCase(java.util.Locale.ROOT);
        int n = QUESTIONS.size();
        if (a.length() != n || !a.matches("[A-D?\\-]*")) {
            return Verdict.fail(Mistake.WRONG_FORMAT, Msg.of(
                    Mistake.WRONG_FORMAT.indonesian() + "; didapat \"" + raw + "\" (" + a.length() + " tanda setelah spasi/koma dibuang)",
                    Mistake.WRONG_FORMAT.english() + "; got \"" + raw + "\" (" + a.length() + " marks after removing spaces/commas)"));
        }
        int right = 0;
        Mistake first = null;
        List<String> id = new ArrayList<>(), en = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Question q = QUESTIONS.get(i);
            char c = a.charAt(i);
            if (c == q.answer()) {
                right++;
            } else if (c == '?' || c == '-') {
                open.add(i + 1);
            } else {
                Mistake m = q.mistakes()[c - 'A'];
                if (first == null) {
                    first = m;
                }
                id.add("  ✗ Soal " + (i + 1) + " (" + c + "): " + m.indonesian());
                en.add("  ✗ Question " + (i + 1) + " (" + c + "): " + m.english());
            }
        }
        if (right == n) {
            return Verdict.pass(Mistake.NONE, Msg.of("✓ Semua " + n + " jawaban benar.", "✓ All " + n + " answers are right."));
        }
        String openId = open.isEmpty() ? "" : "\n  ? Belum dijawab: soal " + open;
        String openEn = open.isEmpty() ? "" : "\n  ? Not answered yet: questions " + open;
        String idText = "Benar " + right + " dari " + n + "." + (id.isEmpty() ? "" : "\n" + String.join("\n", id)) + openId;
        String enText = right + " of " + n + " right." + (en.isEmpty() ? "" : "\n" + String.join("\n", en)) + openEn;
        return Verdict.fail(first == null ? Mistake.NOT_ANSWERED : first, Msg.of(idText, enText));
    }
}
