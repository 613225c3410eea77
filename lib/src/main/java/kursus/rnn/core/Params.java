package kursus.rnn.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ordered set of named parameters: what optimisers, gradient clipping, gradient checks and
 * checkpoints work on, so every model is treated alike.
 *
 * <p>A model's parameters are the union of its layers' parameters, each under a prefix:
 * <pre>
 * Params all = new Params().addAll("cell", cell.params()).addAll("out", dense.params());
 * all.get("cell.W_xh");   // the same Param object data as cell.params().get("W_xh")
 * </pre>
 * The merged set shares the arrays (values and gradients), it does not copy them.
 */
public final class Params implements Iterable<Param> {
    private final Map<String, Param> byName = new LinkedHashMap<>();

    /** An empty set. */
    public Params() {}

    /** Adds a new parameter holding {@code value} (not copied) with a zero gradient. */
    public Param add(String name, INDArray value) {
        return add(new Param(name, value));
    }

    /** Adds {@code p}; its name must be new in this set. */
    public Param add(Param p) {
        Checks.notNull("param", p);
        if (byName.containsKey(p.name())) {
            throw Msg.badInput(
                    "nama parameter '" + p.name() + "' sudah dipakai; nama yang ada: " + byName.keySet(),
                    "parameter name '" + p.name() + "' is already used; existing names: " + byName.keySet());
        }
        byName.put(p.name(), p);
        return p;
    }

    /**
     * Adds every parameter of {@code other} as {@code prefix + "." + name} (or the bare name when
     * {@code prefix} is empty), sharing the arrays. Returns {@code this} for chaining.
     */
    public Params addAll(String prefix, Params other) {
        Checks.notNull("other", other);
        for (Param p : other) {
            add(prefix == null || prefix.isEmpty() ? p.renamed(p.name()) : p.renamed(prefix + "." + p.name()));
        }
        return this;
    }

    /** The parameter called {@code name}; the error lists the names that exist. */
    public Param get(String name) {
        Param p = byName.get(name);
        if (p == null) {
            throw Msg.badInput(
                    "tidak ada parameter bernama '" + name + "'; nama yang ada: " + byName.keySet(),
                    "no parameter named '" + name + "'; existing names: " + byName.keySet());
        }
        return p;
    }

    /** Shortcut for {@code get(name).value()}. */
    public INDArray value(String name) {
        return get(name).value();
    }

    /** Shortcut for {@code get(name).grad()}. */
    public INDArray grad(String name) {
        return get(name).grad();
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Number of parameters (arrays). */
    public int size() {
        return byName.size();
    }

    /** Total number of scalar entries over all parameters. */
    public long numel() {
        long n = 0;
        for (Param p : byName.values()) {
            n += p.numel();
        }
        return n;
    }

    /** Names in insertion order. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
    }

    /** Clears every gradient (call before each forward/backward pass). */
    public void zeroGrad() {
        for (Param p : byName.values()) {
            p.zeroGrad();
        }
    }

    /** The data type shared by all parameters (FLOAT or DOUBLE); null when empty. */
    public DataType dataType() {
        DataType dt = null;
        for (Param p : byName.values()) {
            if (dt == null) {
                dt = p.dataType();
            } else if (dt != p.dataType()) {
                throw Msg.badState(
                        "parameter bercampur tipe data: " + dt + " dan " + p.dataType() + " (" + p.name() + ")",
                        "parameters mix data types: " + dt + " and " + p.dataType() + " (" + p.name() + ")");
            }
        }
        return dt;
    }

    /** Deep copy of the values (gradients start at zero): a snapshot, e.g. of the best model so far. */
    public Params copy() {
        Params out = new Params();
        for (Param p : byName.values()) {
            out.add(p.name(), p.value().dup('c'));
        }
        return out;
    }

    /** Copies the values of {@code source} (same names and shapes) into this set's arrays. */
    public void copyValuesFrom(Params source) {
        for (Param p : byName.values()) {
            p.set(source.get(p.name()).value());
        }
    }

    @Override
    public Iterator<Param> iterator() {
        return Collections.unmodifiableCollection(byName.values()).iterator();
    }

    public Stream<Param> stream() {
        return byName.values().stream();
    }

    /** A small table: name, shape, number of entries, and the total. */
    public String summary() {
        int w = 4;
        for (String n : byName.keySet()) {
            w = Math.max(w, n.length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + w + "s  %-14s %10s%n", "name", "shape", "numel"));
        for (Param p : byName.values()) {
            sb.append(String.format("%-" + w + "s  %-14s %10d%n", p.name(), Arrays.toString(p.shape()), p.numel()));
        }
        sb.append(String.format("%-" + w + "s  %-14s %10d%n", "total", "", numel()));
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Params" + byName.values();
    }
}
