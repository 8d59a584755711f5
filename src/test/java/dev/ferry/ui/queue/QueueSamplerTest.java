package dev.ferry.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.transfer.NewTransfer;
import dev.ferry.transfer.QueueOptions;
import dev.ferry.transfer.TransferQueue;
import dev.ferry.transfer.TransferSnapshot;
import dev.ferry.transfer.TransferState;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reading half of the adapter, fed by hand in the orders the queue's threads can produce: the queue
 * tells about an addition after it unlocks, so a worker's change can overtake it.
 */
class QueueSamplerTest {
    private final TransferQueue queue = new TransferQueue(QueueOptions.defaults());
    private final QueueSampler sampler = new QueueSampler(queue);

    @AfterEach
    void close() {
        queue.close();
    }

    private TransferSnapshot addQuietly(String name) {
        return queue.add(List.of(NewTransfer.download("nowhere", "/" + name, Path.of("/tmp", name), 10))).get(0);
    }

    @Test
    void aChangeThatOvertakesItsAdditionIsNotLost() {
        TransferSnapshot added = addQuietly("a.txt");
        queue.pause(added.id());
        sampler.changed(queue.snapshot(added.id()).orElseThrow());
        assertTrue(sampler.read(0).added().isEmpty());
        sampler.added(List.of(added));
        QueueSampler.Sample sample = sampler.read(1);
        assertEquals(TransferState.QUEUED, sample.added().get(0).getState());
        assertEquals(List.of(TransferState.PAUSED), sample.changed().stream().map(TransferSnapshot::state).toList());
    }

    @Test
    void aRemovalThatOvertakesItsAdditionLeavesNoRow() {
        TransferSnapshot added = addQuietly("a.txt");
        sampler.removed(List.of(added.id()));
        sampler.added(List.of(added));
        QueueSampler.Sample sample = sampler.read(0);
        assertTrue(sample.added().isEmpty());
        assertTrue(sample.removed().isEmpty());
    }

    @Test
    void anItemReportedTwiceMakesOneRow() {
        TransferSnapshot added = addQuietly("a.txt");
        sampler.added(List.of(added));
        sampler.added(List.of(added));
        assertEquals(1, sampler.read(0).added().size());
    }

    @Test
    void aQuietQueueGivesEmptySamples() {
        sampler.added(List.of(addQuietly("a.txt")));
        sampler.read(0);
        sampler.read(1);
        assertTrue(sampler.read(2).isEmpty());
    }

    @Test
    void aMoveBringsTheNewOrder() {
        TransferSnapshot a = addQuietly("a.txt");
        TransferSnapshot b = addQuietly("b.txt");
        sampler.added(List.of(a, b));
        sampler.read(0);
        queue.moveUp(b.id());
        sampler.reordered();
        QueueSampler.Sample sample = sampler.read(1);
        assertEquals(0, sample.order().get(b.id()));
        assertEquals(1, sample.order().get(a.id()));
    }
}
