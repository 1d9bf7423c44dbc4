"""Step 5's brush-steps figure draws the steps neura.train takes (it trains both runs: a slow test)."""

from neura import NeuralPainter


def test_the_brush_steps_drawn_are_the_steps_neura_train_takes():
    """Step 5's brush-steps figure: neuron 0's brushes move, epoch by epoch, exactly as in train's diary."""
    from neura import sketches, targets, train
    from sitekit.figures import brush_steps

    columns, brushes = ["W1[0][0]", "W1[0][1]", "W1[0][2]", "B1[0]"], [0, 1, 2, 12]  # 12: the first bias
    for label, optimizer, lr in brush_steps.RUNS:
        moved = brush_steps.steps(optimizer, lr)
        diary = train(NeuralPainter(seed=1), sketches(), targets(), optimizer=label, lr=lr,
                      epochs=max(brush_steps.EPOCHS) + 2)
        for epoch in brush_steps.EPOCHS:
            by_train = (diary.loc[epoch + 1, columns] - diary.loc[epoch, columns]).abs().tolist()
            assert moved[epoch][brushes].tolist() == by_train, (label, epoch)
    assert ((moved[0] - 0.01).abs() < 1e-6).all()  # Adam's first step: the learning rate, each brush (float32)
