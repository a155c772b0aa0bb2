// vis-network's standalone build (Network with vis-data's DataSet and its own styles), everything it exports.
export * from 'vis-network/standalone';
