"""A CLIP-style byte-level BPE: training on captions, vocab.json/merges.txt in CLIP's format."""
import collections
import json
import re
import unicodedata

SOT, EOT = "<|startoftext|>", "<|endoftext|>"
# CLIP's pre-tokenizer, restricted to what Python's re supports (letters, numbers, other).
WORD = re.compile(r"""<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[^\W\d_]+|\d|(?:[^\s\w]|_)+""", re.IGNORECASE)


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


BYTE_ENCODER = bytes_to_unicode()


def normalize(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().lower()


def word_symbols(word):
    chars = [BYTE_ENCODER[b] for b in word.encode("utf-8")]
    return tuple(chars[:-1] + [chars[-1] + "</w>"])


def train(texts, num_merges):
    words = collections.Counter()
    for t in texts:
        for w in WORD.findall(normalize(t)):
            words[word_symbols(w)] += 1
    vocab = {w: c for w, c in words.items()}
    merges = []
    for _ in range(num_merges):
        pairs = collections.Counter()
        for w, c in vocab.items():
            for a, b in zip(w, w[1:]):
                pairs[(a, b)] += c
        if not pairs:
            break
        best, count = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
        if count < 2:
            break
        merges.append(best)
        merged = {}
        for w, c in vocab.items():
            out, i = [], 0
            while i < len(w):
                if i < len(w) - 1 and (w[i], w[i + 1]) == best:
                    out.append(w[i] + w[i + 1])
                    i += 2
                else:
                    out.append(w[i])
                    i += 1
            merged[tuple(out)] = merged.get(tuple(out), 0) + c
        vocab = merged
    tokens = list(BYTE_ENCODER.values())
    tokens += [t + "</w>" for t in tokens]
    tokens += ["".join(m) for m in merges]
    tokens += [SOT, EOT]
    return {t: i for i, t in enumerate(tokens)}, merges


class Tokenizer:
    def __init__(self, vocab, merges, max_length):
        self.vocab = vocab
        self.ranks = {tuple(m): i for i, m in enumerate(merges)}
        self.max_length = max_length
        self.cache = {}

    @classmethod
    def load(cls, folder):
        with open(f"{folder}/vocab.json", encoding="utf-8") as f:
            vocab = json.load(f)
        with open(f"{folder}/merges.txt", encoding="utf-8") as f:
            lines = f.read().split("\n")[1:]
        merges = [tuple(l.split()) for l in lines if l.strip()]
        with open(f"{folder}/tokenizer_config.json", encoding="utf-8") as f:
            max_length = json.load(f)["model_max_length"]
        return cls(vocab, merges, max_length)

    def save(self, folder):
        with open(f"{folder}/vocab.json", "w", encoding="utf-8") as f:
            json.dump(self.vocab, f, ensure_ascii=False)
        merges = sorted(self.ranks, key=self.ranks.get)
        with open(f"{folder}/merges.txt", "w", encoding="utf-8") as f:
            f.write("#version: 0.2\n" + "\n".join(" ".join(m) for m in merges) + "\n")
        with open(f"{folder}/tokenizer_config.json", "w", encoding="utf-8") as f:
            json.dump({"model_max_length": self.max_length, "bos_token": SOT, "eos_token": EOT,
                       "pad_token": EOT, "do_lower_case": True}, f, indent=2)

    def bpe(self, word):
        if word in self.cache:
            return self.cache[word]
        parts = list(word_symbols(word))
        while len(parts) > 1:
            pairs = [(self.ranks.get((a, b), 1 << 30), i) for i, (a, b) in enumerate(zip(parts, parts[1:]))]
            rank, i = min(pairs)
            if rank == 1 << 30:
                break
            parts[i:i + 2] = [parts[i] + parts[i + 1]]
        self.cache[word] = parts
        return parts

    def encode(self, text):
        """Token ids padded with EOT to max_length, as CLIP does for Stable Diffusion."""
        ids = [self.vocab[SOT]]
        for w in WORD.findall(normalize(text)):
            ids.extend(self.vocab[p] for p in self.bpe(w))
        ids = ids[: self.max_length - 1] + [self.vocab[EOT]]
        return ids + [self.vocab[EOT]] * (self.max_length - len(ids))
