#!/usr/bin/env python3
"""Bag-of-words baseline on ulasan-id.csv: shows that word order matters in this data set.

    /usr/bin/python3 data/sentiment-id/bow_baseline.py

Logistic regression (L2, full-batch gradient descent, numpy only) on lowercase word counts
(unigrams), trained on split=train and scored on split=test, overall and per subset. The same
model on unigrams + bigrams is printed as a reference: bigrams see a little word order
("tidak enak", "tapi rasanya"), which is what a sequence model exploits fully.
"""
import csv
import os
import re

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def tokens(text):
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())


def features(toks, bigrams):
    out = list(toks)
    if bigrams:
        out += [a + "_" + b for a, b in zip(toks, toks[1:])]
    return out


def fit_predict(train, test, bigrams, l2=1e-2, lr=0.5, steps=3000):
    vocab = {}
    for r in train:
        for f in features(tokens(r["text"]), bigrams):
            vocab.setdefault(f, len(vocab))

    def matrix(rows):
        X = np.zeros((len(rows), len(vocab) + 1))
        X[:, -1] = 1.0                                    # bias column
        for i, r in enumerate(rows):
            for f in features(tokens(r["text"]), bigrams):
                if f in vocab:
                    X[i, vocab[f]] += 1.0
        return X

    Xtr, Xte = matrix(train), matrix(test)
    ytr = np.array([int(r["label"]) for r in train], dtype=float)
    w = np.zeros(Xtr.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-Xtr @ w))
        grad = Xtr.T @ (p - ytr) / len(ytr) + l2 * np.r_[w[:-1], 0.0]
        w -= lr * grad
    train_acc = np.mean(((Xtr @ w) > 0) == (ytr > 0.5))
    return train_acc, (Xte @ w) > 0


def main():
    with open(os.path.join(HERE, "ulasan-id.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    y = np.array([int(r["label"]) for r in test]) == 1
    subsets = {
        "all": [True] * len(test),
        "plain/intensifier only": [r["phenomenon"] in ("plain", "intensifier") for r in test],
        "negation or contrast": [("negation" in r["phenomenon"] or "contrast" in r["phenomenon"])
                                 for r in test],
        "minimal pairs": [r["pair"] != "" for r in test],
    }
    print("train %d, test %d sentences" % (len(train), len(test)))
    for name, bigrams in (("unigram BoW", False), ("unigram+bigram", True)):
        train_acc, pred = fit_predict(train, test, bigrams)
        print("%s: train accuracy %.3f" % (name, train_acc))
        for sname, mask in subsets.items():
            m = np.array(mask)
            acc = np.mean(pred[m] == y[m])
            print("  test %-24s n=%3d  accuracy %.3f" % (sname, m.sum(), acc))


if __name__ == "__main__":
    main()
